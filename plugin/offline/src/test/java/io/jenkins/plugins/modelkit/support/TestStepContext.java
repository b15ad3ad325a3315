package io.jenkins.plugins.modelkit.support;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step context backed by a map of context objects, as Pipeline gives a step its FilePath, Run,
 * TaskListener and EnvVars. Its result is a future; a block step's body is a {@link Body} the test
 * supplies, run with the contexts the step added.
 */
public final class TestStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    /** The inside of a block: runs with the context a block step made for it. */
    @FunctionalInterface
    public interface Body {
        Object run(TestStepContext inside) throws Exception;
    }

    private final transient Map<Class<?>, Object> contexts = new LinkedHashMap<>();
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private transient Body body;

    public TestStepContext(Object... objects) {
        for (Object object : objects) {
            put(object);
        }
    }

    public TestStepContext put(Object object) {
        contexts.put(object.getClass(), object);
        return this;
    }

    public TestStepContext withBody(Body value) {
        this.body = value;
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        for (Map.Entry<Class<?>, Object> entry : contexts.entrySet()) {
            if (key.isAssignableFrom(entry.getKey())) {
                return key.cast(entry.getValue());
            }
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome.completeExceptionally(t);
    }

    /** What the step returned; its failure is thrown as it is. */
    public Object result() throws Exception {
        try {
            return outcome.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the step did not finish within 5 minutes", e);
        }
    }

    @Override
    public boolean isReady() {
        return outcome.isDone();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        // builds in these tests have no result of their own
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (body == null) {
            throw new IllegalStateException("this step was called without a block");
        }
        return new Invoker();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Runs the body with the parent's contexts plus the ones the block step added, then the callback. */
    private final class Invoker extends BodyInvoker {
        private final List<Object> added = new ArrayList<>();
        private final List<BodyExecutionCallback> callbacks = new ArrayList<>();

        @Override
        public BodyInvoker withContext(Object override) {
            added.add(override);
            return this;
        }

        @Override
        public BodyInvoker withDisplayName(String name) {
            return this;
        }

        @Override
        public BodyInvoker withCallback(BodyExecutionCallback callback) {
            callbacks.add(callback);
            return this;
        }

        @Override
        public BodyExecution start() {
            TestStepContext inside = new TestStepContext();
            contexts.values().forEach(inside::put);
            added.forEach(inside::put);
            try {
                Object result = body.run(inside);
                callbacks.forEach(callback -> callback.onSuccess(inside, result));
            } catch (Exception e) {
                callbacks.forEach(callback -> callback.onFailure(inside, e));
            }
            return new BodyExecution() {
                private static final long serialVersionUID = 1L;

                @Override
                public Collection<StepExecution> getCurrentExecutions() {
                    return List.of();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return true;
                }

                @Override
                public Object get() {
                    return null;
                }

                @Override
                public Object get(long timeout, TimeUnit unit) {
                    return null;
                }
            };
        }
    }
}
