package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.PushCallable;
import java.util.Arrays;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitPush}: copies a ModelKit from the agent's store (or an {@code oci:} layout) to a
 * registry: only the blobs it lacks, several at once, the manifest last.
 */
public final class PushStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private final String source;
    private String destination;

    /** @param source the ModelKit to push; it names the registry too unless {@code destination} is set */
    @DataBoundConstructor
    public PushStep(String source) {
        this.source = Fields.blankToNull(source);
    }

    public String getSource() {
        return source;
    }

    public String getDestination() {
        return destination;
    }

    @DataBoundSetter
    public void setDestination(String destination) {
        this.destination = Fields.blankToNull(destination);
    }

    @Override
    List<String> references() {
        return Arrays.asList(source, destination);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        AgentSettings settings = on.settings();
        TaskListener listener = on.listener();
        Steps.require(this.source, "source");
        return workspace.act(new PushCallable(listener, settings, Locations.onAgent(this.source, workspace),
                this.destination));
    }

    @Override
    String recordedAs(ModelKitSummary summary) {
        return "pushed";
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitPush";
        }

        @Override
        public String getDisplayName() {
            return Messages.PushStep_DisplayName();
        }
    }
}
