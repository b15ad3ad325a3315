package io.modelkit.core.gate;

/** The outcome of one rule, or of the gate: a broken audit rule warns, a broken enforced rule fails. */
public enum Status {
    PASS, WARN, FAIL
}
