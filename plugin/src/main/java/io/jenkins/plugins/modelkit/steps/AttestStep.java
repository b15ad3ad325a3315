package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.AttestCallable;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.ProvenanceFields;
import io.jenkins.plugins.modelkit.agent.SecretSigningKey;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitAttest}: signs SLSA provenance for a ModelKit on the agent, with a private key from
 * a "Secret file" credential, and stores it next to the ModelKit in both cosign layouts. The
 * provenance names this Jenkins as the builder and the build as the invocation; the source
 * repository, ref and commit default to what the Git plugin put in the environment.
 */
public final class AttestStep extends SigningStep {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private boolean legacy = true;
    private String builderId;
    private String sourceRepository;
    private String sourceRef;
    private String gitCommit;
    private String kitfile;

    /** @param reference the ModelKit: {@code [host/]repo[:tag]}, {@code repo@sha256:...} or {@code oci:PATH[:TAG]} */
    @DataBoundConstructor
    public AttestStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public boolean isLegacy() {
        return legacy;
    }

    /** Also write cosign's legacy {@code sha256-<hex>.att} image (default); off for registries with immutable tags. */
    @DataBoundSetter
    public void setLegacy(boolean legacy) {
        this.legacy = legacy;
    }

    public String getBuilderId() {
        return builderId;
    }

    @DataBoundSetter
    public void setBuilderId(String builderId) {
        this.builderId = Fields.blankToNull(builderId);
    }

    public String getSourceRepository() {
        return sourceRepository;
    }

    @DataBoundSetter
    public void setSourceRepository(String sourceRepository) {
        this.sourceRepository = Fields.blankToNull(sourceRepository);
    }

    public String getSourceRef() {
        return sourceRef;
    }

    @DataBoundSetter
    public void setSourceRef(String sourceRef) {
        this.sourceRef = Fields.blankToNull(sourceRef);
    }

    public String getGitCommit() {
        return gitCommit;
    }

    @DataBoundSetter
    public void setGitCommit(String gitCommit) {
        this.gitCommit = Fields.blankToNull(gitCommit);
    }

    public String getKitfile() {
        return kitfile;
    }

    /** The Kitfile's path as the provenance records it. */
    @DataBoundSetter
    public void setKitfile(String kitfile) {
        this.kitfile = Fields.blankToNull(kitfile);
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
        Steps.require(getKeyCredentialsId(), "keyCredentialsId");
        Run<?, ?> run = on.run();
        SecretSigningKey key = signingKey(run);
        Map<String, String> env = settings.env();
        ProvenanceFields provenance = new ProvenanceFields(
                this.builderId != null ? this.builderId : BuildProvenance.builderId(),
                BuildProvenance.invocationId(run),
                run.getStartTimeInMillis(),
                this.sourceRepository != null ? this.sourceRepository : Fields.blankToNull(env.get("GIT_URL")),
                this.sourceRef != null ? this.sourceRef : Fields.blankToNull(env.get("GIT_BRANCH")),
                this.gitCommit != null ? this.gitCommit : Fields.blankToNull(env.get("GIT_COMMIT")),
                this.kitfile,
                Map.of("jenkinsJob", run.getParent().getFullName()));
        return workspace.act(new AttestCallable(listener, settings, Locations.onAgent(this.reference, workspace),
                key, this.legacy, provenance));
    }

    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        ModelKitRecorder.recordSigned(run, summary, (String) summary.details().get("keyFingerprint"));
    }

    @Extension
    public static final class DescriptorImpl extends SigningStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitAttest";
        }

        @Override
        public String getDisplayName() {
            return Messages.AttestStep_DisplayName();
        }
    }
}
