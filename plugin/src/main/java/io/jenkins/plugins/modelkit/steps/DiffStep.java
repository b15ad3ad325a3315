package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.DiffCallable;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitDiff}: compares two ModelKits on the agent (A is the baseline) and returns the diff
 * as maps and lists; the build gets a page with the diff's tables and its Markdown.
 */
public final class DiffStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private final String a;
    private final String b;
    private boolean remote;

    @DataBoundConstructor
    public DiffStep(String a, String b) {
        this.a = Fields.blankToNull(a);
        this.b = Fields.blankToNull(b);
    }

    public String getA() {
        return a;
    }

    public String getB() {
        return b;
    }

    public boolean isRemote() {
        return remote;
    }

    /** Read both ModelKits from their registries even if the agent's store holds them. */
    @DataBoundSetter
    public void setRemote(boolean remote) {
        this.remote = remote;
    }

    @Override
    List<String> references() {
        return Arrays.asList(a, b);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        Steps.require(this.a, "a");
        Steps.require(this.b, "b");
        return workspace.act(new DiffCallable(on.listener(), on.settings(), Locations.onAgent(this.a, workspace), this.a,
                Locations.onAgent(this.b, workspace), this.b, this.remote));
    }

    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        ModelKitRecorder.recordDiff(run, diff(summary), (String) summary.details().get("markdown"));
    }

    /** The diff's JSON tree as maps and lists: a, b, identical, kitfile, hyperparameters, content, layers. */
    @Override
    Map<String, Object> result(StepRun on, ModelKitSummary summary) {
        return new LinkedHashMap<>(diff(summary));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> diff(ModelKitSummary summary) {
        return (Map<String, Object>) summary.details().get("diff");
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitDiff";
        }

        @Override
        public String getDisplayName() {
            return Messages.DiffStep_DisplayName();
        }
    }
}
