// Declarations match org.jenkins-ci.plugins.workflow:workflow-step-api 710.v3e456cc85233 (src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecutionCallback.java).
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {
    private static final long serialVersionUID = 1L;

    public void onStart(StepContext context) {}

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    public static BodyExecutionCallback wrap(FutureCallback<Object> v) {
        if (v instanceof BodyExecutionCallback already) {
            return already;
        }
        if (!(v instanceof Serializable)) {
            throw new IllegalArgumentException(v.getClass() + " is not serializable");
        }
        return new Delegating(v);
    }

    private static final class Delegating extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final FutureCallback<Object> delegate;

        Delegating(FutureCallback<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            delegate.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            delegate.onFailure(t);
        }
    }

    public abstract static class TailCall extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            try {
                finished(context);
            } catch (Exception x) {
                context.onFailure(x);
                return;
            }
            context.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            try {
                finished(context);
            } catch (Exception x) {
                t.addSuppressed(x);
            }
            context.onFailure(t);
        }
    }
}
