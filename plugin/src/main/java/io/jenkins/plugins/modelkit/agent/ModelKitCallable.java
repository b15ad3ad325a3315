package io.jenkins.plugins.modelkit.agent;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.modelkit.core.ModelKitException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * One core operation run on the agent, next to the files: model bytes never pass through the
 * controller, and only a {@link ModelKitSummary} comes back. Progress goes to the build log. A
 * failure comes back as an {@link AbortException} carrying the core's one-line message, so that
 * no core class has to cross the channel and the build log shows the message, not a stack trace.
 */
abstract class ModelKitCallable extends MasterToSlaveFileCallable<ModelKitSummary> {
    private static final long serialVersionUID = 1L;

    private final TaskListener listener;
    private final AgentSettings settings;

    ModelKitCallable(TaskListener listener, AgentSettings settings) {
        this.listener = listener;
        this.settings = settings;
    }

    @Override
    public final ModelKitSummary invoke(File file, VirtualChannel channel) throws IOException, InterruptedException {
        BuildLogProgress progress = new BuildLogProgress(listener.getLogger());
        try (AgentConnections connections = new AgentConnections(settings, progress)) {
            return run(file, new AgentContext(connections, progress, settings));
        } catch (ModelKitException e) {
            throw new AbortException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new AbortException(e.getMessage() + (e.getCause() != null && e.getCause().getMessage() != null
                    && !e.getMessage().contains(e.getCause().getMessage()) ? ": " + e.getCause().getMessage() : ""));
        }
    }

    /** Runs the operation on {@code file}, the workspace path the step named (a directory or the workspace). */
    abstract ModelKitSummary run(File file, AgentContext context) throws IOException, InterruptedException;
}
