package io.modelkit.core.gate;

/** What a broken rule does: {@code enforce} fails the gate, {@code audit} only warns. */
public enum Mode {
    ENFORCE, AUDIT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
