package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.BomCallable;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitBom}: writes a ModelKit's AI bill of materials (CycloneDX 1.6 JSON) into the
 * workspace, where {@code archiveArtifacts} can keep it, and attaches it to the ModelKit as a
 * referrer if asked.
 */
public final class BomStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_FILE = "modelkit-bom.json";

    private final String reference;
    private String file = DEFAULT_FILE;
    private boolean attach;

    @DataBoundConstructor
    public BomStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getFile() {
        return file;
    }

    /** Where to write the BOM, relative to the workspace. */
    @DataBoundSetter
    public void setFile(String file) {
        String value = Fields.blankToNull(file);
        this.file = value == null ? DEFAULT_FILE : value;
    }

    public boolean isAttach() {
        return attach;
    }

    /** Also store the BOM next to the ModelKit, as an OCI referrer of artifact type {@code application/vnd.cyclonedx+json}. */
    @DataBoundSetter
    public void setAttach(boolean attach) {
        this.attach = attach;
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
        return workspace.act(new BomCallable(listener, settings, Locations.onAgent(this.reference, workspace),
                workspace.child(this.file).getRemote(), this.file, this.attach));
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitBom";
        }

        @Override
        public String getDisplayName() {
            return Messages.BomStep_DisplayName();
        }
    }
}
