package io.modelkit.core.gate;

import java.util.List;

/**
 * One rule's outcome: PASS, WARN (a broken audit rule) or FAIL (a broken enforced rule), why, the values
 * compared, and the hyperparameter paths whose change needs a human approval.
 */
public record RuleResult(String name, RuleKind kind, Mode mode, Status status, String message,
                         List<Comparison> compared, List<String> approvals) {
    public RuleResult {
        compared = List.copyOf(compared);
        approvals = List.copyOf(approvals);
    }
}
