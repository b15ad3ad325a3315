package io.jenkins.plugins.modelkit.releases;

import hudson.model.Run;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Records a promotion on the build, from the step or from the build's Promote page alike: the gate's
 * rules as {@code modelkitGate} records them (also when it failed), and for a stage reached (also one
 * found already done) a {@link PromotionAction} and an entry in the {@link ReleaseIndex}.
 */
public final class PromotionRecorder {
    private PromotionRecorder() {
    }

    public static void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        Map<String, Object> gate = gate(summary);
        if (gate != null) {
            ModelKitSummary gated = summary;
            for (Map.Entry<String, Object> entry : gate.entrySet()) {
                gated = gated.with(entry.getKey(), entry.getValue());
            }
            ModelKitRecorder.recordGate(run, gated, null);
        }
        String outcome = String.valueOf(summary.details().get("outcome"));
        if ("PROMOTED".equals(outcome) || "UNCHANGED".equals(outcome)) {
            PromotionAction action = PromotionAction.record(run, summary);
            ReleaseIndex.get().add(run, action, stageOrder(summary));
        }
    }

    public static boolean gateFailed(ModelKitSummary summary) {
        return "GATE_FAILED".equals(summary.details().get("outcome"));
    }

    /** The failed rules as {@code name: message}, separated by semicolons. */
    @SuppressWarnings("unchecked")
    public static String failedRules(ModelKitSummary summary) {
        return String.join("; ", ((List<Map<String, Object>>) gate(summary).get("rules")).stream()
                .filter(rule -> "FAIL".equals(rule.get("status")))
                .map(rule -> rule.get("name") + ": " + rule.get("message")).toList());
    }

    /** The stage names in the order of the stages file. */
    @SuppressWarnings("unchecked")
    private static List<String> stageOrder(ModelKitSummary summary) {
        return (List<String>) summary.details().get("stages");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gate(ModelKitSummary summary) {
        return (Map<String, Object>) summary.details().get("gate");
    }
}
