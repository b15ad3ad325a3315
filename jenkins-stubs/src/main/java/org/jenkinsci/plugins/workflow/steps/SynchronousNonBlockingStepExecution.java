// Declarations match org.jenkins-ci.plugins.workflow:workflow-step-api 710.v3e456cc85233 (src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java).
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stub: {@link #start()} runs {@link #run()} on a daemon thread of a cached pool and reports to the context;
 * {@link #stop} interrupts it. No authentication is carried over and {@link #onResume()} fails the step.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static ExecutorService executorService;

    private transient volatile Future<?> task;
    private transient volatile String threadName;
    private transient volatile Throwable stopCause;

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        task = executor().submit(() -> {
            threadName = Thread.currentThread().getName();
            T result;
            try {
                result = run();
            } catch (Throwable t) {
                Throwable stopped = stopCause;
                if (stopped == null) {
                    getContext().onFailure(t);
                } else {
                    stopped.addSuppressed(t);
                }
                return;
            }
            getContext().onSuccess(result);
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> running = task;
        if (running != null) {
            stopCause = cause;
            running.cancel(true);
        }
        super.stop(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new IllegalStateException("cannot resume a synchronous step after a restart"));
    }

    @Override
    public @NonNull String getStatus() {
        String name = threadName;
        return name == null ? "not yet scheduled" : "running in thread: " + name;
    }

    @Override
    public boolean blocksRestart() {
        return threadName != null;
    }

    private static synchronized ExecutorService executor() {
        if (executorService == null) {
            executorService = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, SynchronousNonBlockingStepExecution.class.getName());
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }
}
