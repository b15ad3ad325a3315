package io.jenkins.plugins.modelkit.actions;

import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A gate a build ran on a ModelKit: in the build's summary, its outcome and a table of its rules (the
 * hyperparameter rules highlighted), with a link to the diff against the baseline when there was one;
 * in {@code /api/json} with every rule.
 */
@ExportedBean(defaultVisibility = 2)
public final class GateAction extends BuildAction {
    private final String reference;
    private final String digest;
    private final String outcome;
    private final String policy;
    private final String baseline;
    private final boolean approvalRequired;
    private final List<String> approvalKeys;
    private final List<Rule> rules;
    private final String diffUrlName;

    @SuppressWarnings("unchecked")
    GateAction(ModelKitSummary summary, String diffUrlName) {
        Map<String, Object> details = summary.details();
        this.reference = summary.reference();
        this.digest = summary.digest();
        this.outcome = String.valueOf(details.get("outcome"));
        this.policy = String.valueOf(((Map<String, Object>) details.get("policy")).get("source"));
        Map<String, Object> base = (Map<String, Object>) details.get("baseline");
        this.baseline = base == null ? null : base.get("reference") + " @ " + base.get("digest");
        this.approvalRequired = Boolean.TRUE.equals(details.get("approvalRequired"));
        this.approvalKeys = new ArrayList<>((List<String>) details.get("approvalKeys"));
        List<Rule> rows = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) details.get("rules")) {
            List<String> compared = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) rule.get("compared")) {
                compared.add(c.get("what") + ": expected " + c.get("expected") + ", found " + c.get("actual"));
            }
            rows.add(new Rule(String.valueOf(rule.get("name")), String.valueOf(rule.get("kind")), String.valueOf(rule.get("mode")),
                    String.valueOf(rule.get("status")), String.valueOf(rule.get("message")), compared));
        }
        // plain collections: build.xml is written by XStream
        this.rules = rows;
        this.diffUrlName = diffUrlName;
    }

    /** Shown in the build's summary only; the diff has the page of its own. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.GateAction_DisplayName(reference, outcome);
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Exported
    public String getReference() {
        return reference;
    }

    @Exported
    public String getDigest() {
        return digest;
    }

    /** {@code PASS}, {@code WARN} (only audit rules broke) or {@code FAIL} (an enforced rule broke). */
    @Exported
    public String getOutcome() {
        return outcome;
    }

    /** The policy file as the step named it, or {@code policyText}. */
    @Exported
    public String getPolicy() {
        return policy;
    }

    /** The baseline as {@code reference @ digest}, or null when the gate had none. */
    @Exported
    public String getBaseline() {
        return baseline;
    }

    @Exported
    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    /** The hyperparameter changes that need a human approval, as {@code path: old -> new}. */
    @Exported
    public List<String> getApprovalKeys() {
        return Collections.unmodifiableList(approvalKeys);
    }

    @Exported
    public List<Rule> getRules() {
        return Collections.unmodifiableList(rules);
    }

    /** The diff against the baseline, relative to the build's URL, or null. */
    public String getDiffUrlName() {
        return diffUrlName;
    }

    /** One rule's outcome. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Rule implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final String kind;
        private final String mode;
        private final String status;
        private final String message;
        private final List<String> compared;

        public Rule(String name, String kind, String mode, String status, String message, List<String> compared) {
            this.name = name;
            this.kind = kind;
            this.mode = mode;
            this.status = status;
            this.message = message;
            this.compared = new ArrayList<>(compared);
        }

        @Exported
        public String getName() {
            return name;
        }

        /** {@code provenance}, {@code hyperparameters}, {@code content} or {@code registry}. */
        @Exported
        public String getKind() {
            return kind;
        }

        @Exported
        public String getMode() {
            return mode;
        }

        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public String getMessage() {
            return message;
        }

        /** What the rule compared, as {@code what: expected ..., found ...}. */
        @Exported
        public List<String> getCompared() {
            return Collections.unmodifiableList(compared);
        }

        public boolean isHyperparameters() {
            return "hyperparameters".equals(kind);
        }
    }
}
