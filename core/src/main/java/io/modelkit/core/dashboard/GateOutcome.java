package io.modelkit.core.dashboard;

import io.modelkit.core.gate.Status;
import java.util.Locale;

/** The gate outcome shown for a stage, with the badge colour of each (shields.io's palette). */
public enum GateOutcome {
    PASSED("#4c1"), WARNED("#dfb317"), FAILED("#e05d44"), UNKNOWN("#9f9f9f");

    private final String colour;

    GateOutcome(String colour) {
        this.colour = colour;
    }

    /** The badge's right-hand colour. */
    public String colour() {
        return colour;
    }

    /** {@code passed}, {@code warned}, {@code failed} or {@code unknown}, as in the JSON and CSS classes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a gate run; null (no gate ran, or none is known) is unknown. */
    public static GateOutcome of(Status status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status) {
            case PASS -> PASSED;
            case WARN -> WARNED;
            case FAIL -> FAILED;
        };
    }

    /**
     * The outcome as written in a promotion record ({@code PASS}, {@code WARN}) or by name
     * ({@code passed}); anything else, null included, is unknown.
     */
    public static GateOutcome parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        for (Status status : Status.values()) {
            if (status.name().equalsIgnoreCase(text)) {
                return of(status);
            }
        }
        for (GateOutcome outcome : values()) {
            if (outcome.name().equalsIgnoreCase(text)) {
                return outcome;
            }
        }
        return UNKNOWN;
    }
}
