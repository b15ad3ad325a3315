package io.jenkins.plugins.modelkit.support;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.util.StreamTaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * Runs steps as Pipeline would inside {@code node}: with a workspace, a build, a build log and the
 * build's environment ({@code MODELKIT_HOME} points at a directory of the test's own).
 */
public final class StepRunner {
    private final Path workspace;
    private final EnvVars env;
    private final TestRun run;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final StreamTaskListener listener = new StreamTaskListener(log, StandardCharsets.UTF_8);

    public StepRunner(Path workspace, Path modelkitHome) throws IOException {
        this.workspace = workspace;
        this.env = new EnvVars(Map.of("MODELKIT_HOME", modelkitHome.toString()));
        this.run = new TestRun(new TestJob("demo"));
    }

    public TestRun run() {
        return run;
    }

    public Path workspace() {
        return workspace;
    }

    /** Everything the steps wrote to the build log so far. */
    public String log() {
        listener.getLogger().flush();
        return log.toString(StandardCharsets.UTF_8);
    }

    public TestStepContext context() {
        return new TestStepContext(new FilePath(workspace.toFile()), run, listener, env);
    }

    /** Runs the step to its end and returns what it returned, or throws what it failed with. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(Step step) throws Exception {
        return (Map<String, Object>) call(step, context());
    }

    public Object call(Step step, TestStepContext context) throws Exception {
        if (!step.start(context).start()) {
            return context.result();
        }
        return context.result();
    }
}
