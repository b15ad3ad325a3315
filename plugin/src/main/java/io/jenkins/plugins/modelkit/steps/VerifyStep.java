package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.VerifyCallable;
import io.jenkins.plugins.modelkit.agent.VerifyExpectations;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code modelkitVerify}: checks on the agent that a ModelKit's blobs match its manifest and that a
 * key the build trusts signed provenance about exactly this manifest, with the expected builder,
 * source and age. Every check goes to the build log; a ModelKit that does not verify fails the
 * build, or marks it unstable with {@code unstableOnFailure}.
 */
public final class VerifyStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;
    static final String FULL = "full";
    static final String MANIFEST_ONLY = "manifest-only";
    private static final Pattern SHORT_AGE = Pattern.compile("(\\d+)([smhd])");

    private final String reference;
    private String keys;
    private String keyCredentialsIds;
    private String integrity = FULL;
    private String builderId;
    private String sourceRepository;
    private String sourceRef;
    private String maxAge;
    private boolean unstableOnFailure;
    private boolean remote;

    @DataBoundConstructor
    public VerifyStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getKeys() {
        return keys;
    }

    /** Trusted public keys: PEM blocks, or files in the workspace, one per line. */
    @DataBoundSetter
    public void setKeys(String keys) {
        this.keys = Fields.blankToNull(keys);
    }

    public String getKeyCredentialsIds() {
        return keyCredentialsIds;
    }

    /** "Secret file" or "Secret text" credentials holding trusted public keys, separated by commas or lines. */
    @DataBoundSetter
    public void setKeyCredentialsIds(String keyCredentialsIds) {
        List<String> ids = TrustedKeys.ids(keyCredentialsIds);
        this.keyCredentialsIds = ids.isEmpty() ? null : String.join("\n", ids);
    }

    public String getIntegrity() {
        return integrity;
    }

    @DataBoundSetter
    public void setIntegrity(String integrity) {
        String value = Fields.blankToNull(integrity);
        if (value != null && !FULL.equals(value) && !MANIFEST_ONLY.equals(value)) {
            throw new IllegalArgumentException(Messages.VerifyStep_BadIntegrity(value));
        }
        this.integrity = value == null ? FULL : value;
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

    /** A regular expression the recorded source repository must match, whole. */
    @DataBoundSetter
    public void setSourceRepository(String sourceRepository) {
        this.sourceRepository = pattern("sourceRepository", sourceRepository);
    }

    public String getSourceRef() {
        return sourceRef;
    }

    /** A regular expression the recorded source ref must match, whole. */
    @DataBoundSetter
    public void setSourceRef(String sourceRef) {
        this.sourceRef = pattern("sourceRef", sourceRef);
    }

    public String getMaxAge() {
        return maxAge;
    }

    /** How old the provenance may be: {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 such as {@code P7D}. */
    @DataBoundSetter
    public void setMaxAge(String maxAge) {
        String value = Fields.blankToNull(maxAge);
        if (value != null) {
            age(value);
        }
        this.maxAge = value;
    }

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    public boolean isRemote() {
        return remote;
    }

    /** Read the ModelKit from the registry even if the agent's store holds it. */
    @DataBoundSetter
    public void setRemote(boolean remote) {
        this.remote = remote;
    }

    /** {@code maxAge} as a duration. */
    static Duration age(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        var shortForm = SHORT_AGE.matcher(value);
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(Messages.VerifyStep_BadMaxAge(text));
        }
    }

    private static String pattern(String parameter, String text) {
        String value = Fields.blankToNull(text);
        if (value != null) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(Messages.VerifyStep_BadPattern(parameter, e.getDescription()));
            }
        }
        return value;
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
        TrustedKeys trusted = TrustedKeys.resolve(this.keys, this.keyCredentialsIds, on.run(), workspace);
        VerifyExpectations expectations = new VerifyExpectations(FULL.equals(this.integrity), this.builderId,
                this.sourceRepository, this.sourceRef, this.maxAge == null ? null : age(this.maxAge));
        return workspace.act(new VerifyCallable(listener, settings, Locations.onAgent(this.reference, workspace),
                this.remote, trusted.texts(), trusted.files(), expectations));
    }

    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        boolean passed = passed(summary);
        ModelKitRecorder.recordVerified(run, summary, passed,
                (String) summary.details().get(passed ? "verifiedBy" : "failedCheck"));
    }

    @Override
    Map<String, Object> result(StepRun on, ModelKitSummary summary) throws Exception {
        Run<?, ?> run = on.run();
        if (!passed(summary)) {
            String failed = (String) summary.details().get("failedCheck");
            if (!this.unstableOnFailure) {
                throw new AbortException(Messages.VerifyStep_Failed(this.reference, failed));
            }
            on.listener().getLogger()
                    .println("[modelkit] " + Messages.VerifyStep_Unstable(this.reference, failed));
            run.setResult(Result.UNSTABLE);
        }
        return summary.toMap();
    }

    private static boolean passed(ModelKitSummary summary) {
        return Boolean.TRUE.equals(summary.details().get("passed"));
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitVerify";
        }

        @Override
        public String getDisplayName() {
            return Messages.VerifyStep_DisplayName();
        }

        public ListBoxModel doFillIntegrityItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(FULL, FULL);
            items.add(MANIFEST_ONLY, MANIFEST_ONLY);
            return items;
        }

        public FormValidation doCheckMaxAge(@QueryParameter String value) {
            try {
                if (Fields.blankToNull(value) != null) {
                    age(value);
                }
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
