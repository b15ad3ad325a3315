// Declarations match org.jenkins-ci.plugins.workflow:workflow-step-api 710.v3e456cc85233 (src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecution.java).
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/** Upstream also has the deprecated {@code cancel(CauseOfInterruption...)}; not declared. */
public abstract class BodyExecution implements Future<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract Collection<StepExecution> getCurrentExecutions();

    /** Stub: cancels with a plain InterruptedException (upstream: FlowInterruptedException, ABORTED). */
    @Deprecated
    @Override
    public boolean cancel(boolean b) {
        return cancel(new InterruptedException("aborted"));
    }

    public boolean cancel(Throwable t) {
        throw new AbstractMethodError("Override cancel(Throwable) from " + getClass());
    }
}
