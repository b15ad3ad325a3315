package io.modelkit.core.dashboard;

/**
 * What the dashboard says about a stage's provenance: whether any attestation is attached (signed),
 * whether one verified against the trusted keys, and the fingerprint of the key that signed it
 * (null when none verified).
 */
public record ProvenanceSummary(boolean signed, boolean verified, String keyFingerprint) {
    /** Nothing attached. */
    public static final ProvenanceSummary NONE = new ProvenanceSummary(false, false, null);

    public ProvenanceSummary {
        if (verified && !signed) {
            throw new IllegalArgumentException("provenance cannot be verified without being signed");
        }
    }
}
