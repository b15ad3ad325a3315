package io.modelkit.core.kitfile;

/**
 * yaml.v3's defence against alias bombs ("billion laughs"): count every node decoded and those reached
 * through an alias, and stop once alias expansion makes up too much of the work. Same thresholds as
 * yaml.v3's {@code allowedAliasRatio}, so what kit accepts is accepted here and a bomb stops after about
 * a thousand nodes instead of expanding.
 */
final class AliasBudget {
    private static final int RANGE_LOW = 400_000;
    private static final int RANGE_HIGH = 4_000_000;

    private long decoded;
    private long viaAlias;
    private int aliasDepth;

    /** Counts one decoded node; false when the document aliases excessively. */
    boolean visit() {
        decoded++;
        if (aliasDepth > 0) {
            viaAlias++;
        }
        return !(viaAlias > 100 && decoded > 1000 && (double) viaAlias / decoded > allowedRatio(decoded));
    }

    void enterAlias() {
        aliasDepth++;
    }

    void exitAlias() {
        aliasDepth--;
    }

    private static double allowedRatio(long decodeCount) {
        if (decodeCount <= RANGE_LOW) {
            return 0.99;
        }
        if (decodeCount >= RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - RANGE_LOW) / (RANGE_HIGH - RANGE_LOW));
    }
}
