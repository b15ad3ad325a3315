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
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends ModelKitStepExecution<InspectStep> {
        private static final long serialVersionUID = 1L;

        Execution(InspectStep step, StepContext context) {
            super(step, context);
        }

        @Override
        ModelKitSummary perform(FilePath workspace, AgentSettings settings, TaskListener listener) throws Exception {
            Steps.require(step().reference, "reference");
            return workspace.act(new InspectCallable(listener, settings, Locations.onAgent(step().reference, workspace),
                    step().remote));
        }
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
