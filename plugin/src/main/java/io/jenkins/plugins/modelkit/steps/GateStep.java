package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.actions.DiffAction;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.GateCallable;
import io.jenkins.plugins.modelkit.agent.GatePolicySource;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitGate}: evaluates a gate policy against a ModelKit on the agent, one log line per rule.
 * An enforced rule that fails fails the build; broken audit rules only warn, or mark the build
 * UNSTABLE with {@code unstableOnWarning}. Changes that need a human approval set
 * {@code approvalRequired} in the returned report, for the {@code input} step.
 */
public final class GateStep extends SigningStep {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private String policy;
    private String policyText;
    private String baseline;
    private String targetTag;
    private String trustedKeys;
    private boolean unstableOnWarning;
    private String junit;
    private boolean remote;

    @DataBoundConstructor
    public GateStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getPolicy() {
        return policy;
    }

    /** The policy file, relative to the workspace, such as {@code .modelkit/gate.yaml}. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = Fields.blankToNull(policy);
    }

    public String getPolicyText() {
        return policyText;
    }

    /** The policy as YAML, written in the Pipeline script. */
    @DataBoundSetter
    public void setPolicyText(String policyText) {
        this.policyText = Fields.blankToNull(policyText);
    }

    public String getBaseline() {
        return baseline;
    }

    /** The ModelKit to compare with; by default the one the target tag holds now. */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = Fields.blankToNull(baseline);
    }

    public String getTargetTag() {
        return targetTag;
    }

    /** Where the ModelKit is to be promoted, such as {@code registry.example.com/ml/fraud:prod}. */
    @DataBoundSetter
    public void setTargetTag(String targetTag) {
        this.targetTag = Fields.blankToNull(targetTag);
    }

    public String getTrustedKeys() {
        return trustedKeys;
    }

    /** Public keys whose attestations count: PEM blocks, or files in the workspace, one per line. */
    @DataBoundSetter
    public void setTrustedKeys(String trustedKeys) {
        this.trustedKeys = Fields.blankToNull(trustedKeys);
    }

    public boolean isUnstableOnWarning() {
        return unstableOnWarning;
    }

    @DataBoundSetter
    public void setUnstableOnWarning(boolean unstableOnWarning) {
        this.unstableOnWarning = unstableOnWarning;
    }

    public String getJunit() {
        return junit;
    }

    /** Where to write the report as JUnit XML, relative to the workspace, for the {@code junit} step. */
    @DataBoundSetter
    public void setJunit(String junit) {
        this.junit = Fields.blankToNull(junit);
    }

    public boolean isRemote() {
        return remote;
    }

    /** Read the ModelKits from the registry even if the agent's store holds them. */
    @DataBoundSetter
    public void setRemote(boolean remote) {
        this.remote = remote;
    }

    @Override
    List<String> references() {
        return Arrays.asList(reference, baseline, targetTag);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        Steps.require(this.reference, "reference");
        if ((this.policy == null) == (this.policyText == null)) {
            throw new AbortException(Messages.GateStep_OnePolicy());
        }
        GatePolicySource source = this.policy != null ? GatePolicySource.file(workspace.child(this.policy).getRemote(), this.policy)
                : GatePolicySource.text(this.policyText);
        TrustedKeys trusted = this.trustedKeys == null ? new TrustedKeys(Map.of(), List.of())
                : TrustedKeys.resolve(this.trustedKeys, null, on.run(), workspace);
        return workspace.act(new GateCallable(on.listener(), on.settings(), Locations.onAgent(this.reference, workspace),
                this.reference, source, Locations.onAgent(this.baseline, workspace), this.baseline,
                Locations.onAgent(this.targetTag, workspace), trusted.texts(), trusted.files(),
                this.junit == null ? null : workspace.child(this.junit).getRemote(), this.remote,
                signingKey(on.run())));
    }

    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        Map<String, Object> diff = diff(summary);
        DiffAction diffAction = diff == null ? null
                : ModelKitRecorder.recordDiff(run, diff, (String) summary.details().get("markdown"));
        ModelKitRecorder.recordGate(run, summary, diffAction == null ? null : diffAction.getUrlName());
    }

    /**
     * The report: the ModelKit's fields, {@code outcome}, {@code rules}, {@code approvalRequired},
     * {@code approvalKeys}, {@code policy}, {@code baseline}, and with a signing key {@code vsa} (the
     * Verification Summary Attestation's referrer digest) and {@code vsaKeyFingerprint}. Fails on an enforced failure, once the build has recorded it.
     */
    @Override
    Map<String, Object> result(StepRun on, ModelKitSummary summary) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>(summary.toMap());
        report.remove("diff");
        report.remove("markdown");
        String outcome = String.valueOf(report.get("outcome"));
        if ("FAIL".equals(outcome)) {
            throw new AbortException(Messages.GateStep_Failed(this.reference, rulesWith(report, "FAIL")));
        }
        if (Boolean.TRUE.equals(report.get("approvalRequired"))) {
            on.listener().getLogger().println("[modelkit] " + Messages.GateStep_ApprovalRequired(this.reference,
                    String.join(", ", approvalKeys(report))));
        }
        if ("WARN".equals(outcome) && this.unstableOnWarning) {
            on.listener().getLogger().println("[modelkit] " + Messages.GateStep_Unstable(this.reference, rulesWith(report, "WARN")));
            on.run().setResult(Result.UNSTABLE);
        }
        return report;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> diff(ModelKitSummary summary) {
        return (Map<String, Object>) summary.details().get("diff");
    }

    @SuppressWarnings("unchecked")
    private static List<String> approvalKeys(Map<String, Object> report) {
        return (List<String>) report.get("approvalKeys");
    }

    /** The names of the rules with {@code status}, joined with commas. */
    @SuppressWarnings("unchecked")
    private static String rulesWith(Map<String, Object> report, String status) {
        return String.join(", ", ((List<Map<String, Object>>) report.get("rules")).stream()
                .filter(rule -> status.equals(rule.get("status"))).map(rule -> String.valueOf(rule.get("name"))).toList());
    }

    @Extension
    public static final class DescriptorImpl extends SigningStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitGate";
        }

        @Override
        public String getDisplayName() {
            return Messages.GateStep_DisplayName();
        }
    }
}
