package io.modelkit.core.gate;

import java.util.ArrayList;
import java.util.List;

/** What a rule's check found: the violations, the values compared, the paths that need approval. */
final class Findings {
    private final List<String> violations = new ArrayList<>();
    private final List<Comparison> compared = new ArrayList<>();
    private final List<String> approvals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void violation(String text) {
        violations.add(text);
    }

    void compared(String what, String expected, String actual) {
        compared.add(new Comparison(what, expected, actual));
    }

    void approval(String path) {
        approvals.add(path);
    }

    /** Said in the message when nothing was violated, e.g. why a check did not apply. */
    void note(String text) {
        notes.add(text);
    }

    /** Adds everything {@code other} found to these findings. */
    void addAll(Findings other) {
        violations.addAll(other.violations);
        compared.addAll(other.compared);
        approvals.addAll(other.approvals);
    }

    boolean violated() {
        return !violations.isEmpty();
    }

    RuleResult result(Rule rule) {
        Status status = violations.isEmpty() ? Status.PASS : rule.mode() == Mode.ENFORCE ? Status.FAIL : Status.WARN;
        String message;
        if (!violations.isEmpty()) {
            message = String.join("; ", violations);
        } else if (!approvals.isEmpty()) {
            message = "approval required for " + String.join(", ", approvals);
        } else {
            message = notes.isEmpty() ? "ok" : String.join("; ", notes);
        }
        return new RuleResult(rule.name(), rule.kind(), rule.mode(), status, message, compared, approvals);
    }
}
