package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.InspectCallable;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code modelkitInspect}: the manifest and Kitfile fields of a ModelKit in the agent's store, a layout or a registry. */
public final class InspectStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private boolean remote;

    @DataBoundConstructor
    public InspectStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public boolean isRemote() {
        return remote;
    }

    @DataBoundSetter
    public void setRemote(boolean remote) {
        this.remote = remote;
    }

    @Override
    List<String> references() {
        return Collections.singletonList(reference);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        AgentSettings settings = on.settings();
        TaskListener listener = on.listener();
        Steps.require(this.reference, "reference");
        return workspace.act(new InspectCallable(listener, settings, Locations.onAgent(this.reference, workspace),
                this.remote));
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitInspect";
        }

        @Override
        public String getDisplayName() {
            return Messages.InspectStep_DisplayName();
        }
    }
}
