package io.modelkit.core.gate;

import java.util.ArrayList;
import java.util.List;

/** Evaluates every rule of a policy against one ModelKit; one result per rule, in policy order. */
public final class Gate {
    private Gate() {
    }

    public static GateReport evaluate(Policy policy, GateInput input) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            results.add(check(rule, input).result(rule));
        }
        return new GateReport(input.modelKit().name(), input.digest(), policy.source(), policy.digest(), input.now(),
                results);
    }

    private static Findings check(Rule rule, GateInput input) {
        if (rule instanceof Rule.Provenance provenance) {
            return ProvenanceCheck.check(provenance, input);
        }
        if (rule instanceof Rule.Hyperparameters hyperparameters) {
            return HyperparameterCheck.check(hyperparameters, input);
        }
        if (rule instanceof Rule.Content content) {
            return ContentCheck.check(content, input);
        }
        return RegistryCheck.check((Rule.Registry) rule, input);
    }
}
