package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.PromoteCallable;
import io.jenkins.plugins.modelkit.agent.SecretSigningKey;
import io.jenkins.plugins.modelkit.agent.StageReferences;
import io.jenkins.plugins.modelkit.agent.StagesSource;
import io.jenkins.plugins.modelkit.releases.PromotionRecorder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitPromote}: moves a ModelKit into a stage of the stages file by digest, on the agent:
 * the stage's gate, the copy (blobs mounted within one registry), its referrers and cosign images,
 * a promotion record naming the user who started the build (else {@code jenkins}) and the build's
 * URL, then the tags. Returns the record; a failed gate fails the build naming the rules, with
 * nothing moved.
 */
public final class PromoteStep extends SigningStep {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_STAGES_FILE = ".modelkit/stages.yaml";
    /** Who promoted when no user started the build: the CI itself. */
    static final String NO_USER = "jenkins";

    private final String reference;
    private final String to;
    private String stagesFile = DEFAULT_STAGES_FILE;
    private String tag;
    private boolean force;
    private boolean dryRun;
    private String trustedKeys;

    @DataBoundConstructor
    public PromoteStep(String reference, String to) {
        this.reference = Fields.blankToNull(reference);
        this.to = Fields.blankToNull(to);
    }

    public String getReference() {
        return reference;
    }

    public String getTo() {
        return to;
    }

    public String getStagesFile() {
        return stagesFile;
    }

    /** The stages file, relative to the workspace; {@code .modelkit/stages.yaml} by default. */
    @DataBoundSetter
    public void setStagesFile(String stagesFile) {
        String value = Fields.blankToNull(stagesFile);
        this.stagesFile = value == null ? DEFAULT_STAGES_FILE : value;
    }

    public String getTag() {
        return tag;
    }

    /** The version tag in the stage; by default the reference's own tag. */
    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = Fields.blankToNull(tag);
    }

    public boolean isForce() {
        return force;
    }

    /** Move the version tag even if it holds another digest. */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Run every check, change nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getTrustedKeys() {
        return trustedKeys;
    }

    /** Public keys whose attestations the stage's gate counts: PEM blocks, or files in the workspace, one per line. */
    @DataBoundSetter
    public void setTrustedKeys(String trustedKeys) {
        this.trustedKeys = Fields.blankToNull(trustedKeys);
    }

    @Override
    List<String> references() {
        List<String> references = new ArrayList<>();
        references.add(reference);
        return references;
    }

    /** The reference and every stage's repository: the target may be on another registry. */
    @Override
    List<String> references(FilePath workspace) throws IOException, InterruptedException {
        List<String> references = references();
        references.addAll(workspace.child(stagesFile).act(new StageReferences()));
        return references;
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        Steps.require(this.reference, "reference");
        Steps.require(this.to, "to");
        Run<?, ?> run = on.run();
        SecretSigningKey key = signingKey(run);
        TrustedKeys trusted = this.trustedKeys == null ? new TrustedKeys(Map.of(), List.of())
                : TrustedKeys.resolve(this.trustedKeys, null, run, workspace);
        return workspace.act(new PromoteCallable(on.listener(), on.settings(), this.reference, this.to,
                StagesSource.file(workspace.child(this.stagesFile).getRemote(), this.stagesFile), this.tag, this.dryRun, this.force, key,
                trusted.texts(), trusted.files(), promotedBy(run), buildUrl(run, on.settings().env())));
    }

    /** The user who started the build, else {@value #NO_USER}. */
    static String promotedBy(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null || cause.getUserId() == null ? NO_USER : cause.getUserId();
    }

    /** The build's absolute URL: Jenkins' root URL and the build's, else {@code BUILD_URL}; null when neither is known. */
    static String buildUrl(Run<?, ?> run, Map<String, String> env) {
        String root = Jenkins.get().getRootUrl();
        return root != null ? root + run.getUrl() : Fields.blankToNull(env.get("BUILD_URL"));
    }

    /** As {@link PromotionRecorder#record} says: the gate's rules, and the stage reached. */
    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        PromotionRecorder.record(run, summary);
    }

    /**
     * The ModelKit's fields, {@code outcome} ({@code PROMOTED}, {@code UNCHANGED}, {@code DRY_RUN}),
     * {@code stage}, {@code tags}, {@code record}, {@code recordDigest}, {@code copy},
     * {@code referrersCopied} and {@code gate}. A failed gate fails here, once the build has recorded its rules.
     */
    @Override
    Map<String, Object> result(StepRun on, ModelKitSummary summary) throws Exception {
        Map<String, Object> result = summary.toMap();
        if (PromotionRecorder.gateFailed(summary)) {
            throw new AbortException(Messages.PromoteStep_GateFailed(this.reference, this.to,
                    PromotionRecorder.failedRules(summary)));
        }
        return result;
    }

    @Extension
    public static final class DescriptorImpl extends SigningStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitPromote";
        }

        @Override
        public String getDisplayName() {
            return Messages.PromoteStep_DisplayName();
        }
    }
}
