package io.modelkit.core.gate;

/** The kinds of rule a policy may hold. */
public enum RuleKind {
    PROVENANCE, HYPERPARAMETERS, CONTENT, REGISTRY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
