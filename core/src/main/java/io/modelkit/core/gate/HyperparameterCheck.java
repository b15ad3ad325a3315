package io.modelkit.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.diff.ChangeKind;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.diff.ValueChange;
import java.math.BigDecimal;
import java.util.List;

/**
 * Hyperparameters against the baseline, path by path as {@link ModelKitDiff} names them
 * ({@code model.parameters.optimizer.betas[1]}, {@code datasets[train].parameters.rows}): frozen paths may not change at all, numbers under a
 * tolerance may move only within it (a change exactly at the bound is allowed), some paths may not be added
 * or removed, and some changes pass only with a human approval.
 */
final class HyperparameterCheck {
    private HyperparameterCheck() {
    }

    static Findings check(Rule.Hyperparameters rule, GateInput input) {
        Findings findings = new Findings();
        if (input.baseline() == null) {
            if (rule.requireBaseline()) {
                findings.violation("no baseline to compare with (the target tag is absent and no baseline was given)");
            } else {
                findings.note("no baseline: nothing to compare");
            }
            return findings;
        }
        List<ValueChange> changes = ModelKitDiff.compare(input.baseline(), input.modelKit()).hyperparameters();
        // a whole map or list added, removed or retyped is judged at every path below it too
        List<ValueChange> judged = new java.util.ArrayList<>();
        for (ValueChange change : changes) {
            judged.add(change);
            judged.addAll(change.leaves());
        }
        for (ValueChange change : judged) {
            String path = change.path();
            JsonNode old = change.oldValue();
            JsonNode now = change.newValue();
            String oldText = old == null ? "absent" : old.toString();
            String newText = now == null ? "absent" : now.toString();
            if (matches(rule.frozen(), path)) {
                findings.compared(path, oldText + " (frozen)", newText);
                findings.violation(path + " is frozen but changed from " + oldText + " to " + newText);
                continue;
            }
            if (change.kind() == ChangeKind.ADDED && matches(rule.noAdd(), path)) {
                findings.compared(path, "absent", newText);
                findings.violation(path + " may not be added (" + newText + ")");
                continue;
            }
            if (change.kind() == ChangeKind.REMOVED && matches(rule.noRemove(), path)) {
                findings.compared(path, oldText, "absent");
                findings.violation(path + " may not be removed (was " + oldText + ")");
                continue;
            }
            for (Rule.Tolerance tolerance : rule.tolerances()) {
                if (tolerance.path().matches(path)) {
                    tolerance(findings, tolerance, change);
                    break;
                }
            }
            if (matches(rule.approvalRequired(), path)) {
                findings.approval(path + ": " + oldText + " -> " + newText);
            }
        }
        if (!findings.violated()) {
            findings.note(changes.isEmpty() ? "no hyperparameter changed" : changes.size() + " hyperparameter change(s) within the rules");
        }
        return findings;
    }

    private static void tolerance(Findings findings, Rule.Tolerance tolerance, ValueChange change) {
        String path = change.path();
        JsonNode old = change.oldValue();
        JsonNode now = change.newValue();
        String oldText = old == null ? "absent" : old.toString();
        String newText = now == null ? "absent" : now.toString();
        if (old == null || now == null) {
            findings.compared(path, oldText + " within " + bounds(tolerance), newText);
            findings.violation(path + " is under a tolerance but was " + (old == null ? "added" : "removed"));
            return;
        }
        if (!change.isNumeric()) {
            findings.compared(path, type(old), type(now));
            findings.violation(path + " changed type from " + type(old) + " (" + oldText + ") to "
                    + type(now) + " (" + newText + ")");
            return;
        }
        BigDecimal before = old.decimalValue();
        BigDecimal delta = change.absoluteChange().orElseThrow().abs();
        String expected = oldText + " within " + bounds(tolerance);
        findings.compared(path, expected, newText + " (change " + delta.stripTrailingZeros().toPlainString() + ")");
        if (tolerance.absolute() != null && delta.compareTo(BigDecimal.valueOf(tolerance.absolute())) > 0) {
            findings.violation(path + " moved by " + delta.stripTrailingZeros().toPlainString() + " (" + oldText + " -> "
                    + newText + "), more than the absolute tolerance " + plain(tolerance.absolute()));
        }
        if (tolerance.relative() != null) {
            BigDecimal allowed = before.abs().multiply(BigDecimal.valueOf(tolerance.relative()));
            if (delta.compareTo(allowed) > 0) {
                String relative = change.relativeChange().map(r -> r.abs().toPlainString()).orElse("infinite");
                findings.violation(path + " moved by a factor of " + relative + " (" + oldText + " -> " + newText
                        + "), more than the relative tolerance " + plain(tolerance.relative()));
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "list" : "map";
    }

    private static String bounds(Rule.Tolerance tolerance) {
        if (tolerance.absolute() != null && tolerance.relative() != null) {
            return "±" + plain(tolerance.absolute()) + " and ±" + plain(tolerance.relative()) + " relative";
        }
        return tolerance.absolute() != null ? "±" + plain(tolerance.absolute()) : "±" + plain(tolerance.relative()) + " relative";
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean matches(List<PathGlob> globs, String path) {
        return globs.stream().anyMatch(glob -> glob.matches(path));
    }
}
