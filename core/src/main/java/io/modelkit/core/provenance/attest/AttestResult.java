package io.modelkit.core.provenance.attest;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.keys.KeyFingerprint;

/**
 * What {@link Attester} stored: the ModelKit it attests, the bundle referrer, the legacy image (null
 * when not written), the signing key's fingerprint, and the statement's exact bytes.
 */
public record AttestResult(Digest subject, Descriptor referrer, Descriptor legacyImage, KeyFingerprint key,
                           byte[] statement) {
    public AttestResult {
        statement = statement.clone();
    }

    @Override
    public byte[] statement() {
        return statement.clone();
    }
}
