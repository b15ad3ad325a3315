package io.modelkit.core.provenance.verify;

import io.modelkit.core.oci.Digest;
import java.util.List;

/**
 * What {@link Verifier} found: the manifest digest it computed itself, the integrity checks of the
 * blobs, and the checks of every attestation. The ModelKit verifies when every integrity check
 * passed and at least one attestation passed all of its checks.
 */
public record VerificationReport(String reference, Digest manifest, List<Check> integrity,
                                 List<AttestationResult> attestations) {
    public VerificationReport {
        integrity = List.copyOf(integrity);
        attestations = List.copyOf(attestations);
    }

    public boolean passed() {
        return integrity.stream().allMatch(Check::passed) && attestations.stream().anyMatch(AttestationResult::passed);
    }
}
