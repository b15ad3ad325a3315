package io.modelkit.core.provenance;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.security.PublicKey;
import java.util.Objects;

/**
 * An envelope that verified: which trusted key verified which of its signatures. The payload is the
 * envelope's exact bytes, the ones the signature covers.
 */
public record VerifiedEnvelope(Envelope envelope, PublicKey key, int signatureIndex) {
    public VerifiedEnvelope {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(key, "key");
    }

    /** The verifying key's fingerprint, sha256 of its PKIX DER, the value policies pin. */
    public Digest keyFingerprint() {
        return fingerprint(key);
    }

    /** The exact verified payload bytes. */
    public byte[] payload() {
        return envelope.payload();
    }

    /** The verified payload read as an in-toto statement; only for payloadType {@value Statement#PAYLOAD_TYPE}. */
    public Statement statement() {
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new ModelKitException("DSSE envelope: payloadType '" + envelope.payloadType() + "' is not '"
                    + Statement.PAYLOAD_TYPE + "', so the payload is not an in-toto statement");
        }
        return Statement.parse(envelope.payload());
    }

    static Digest fingerprint(PublicKey key) {
        return Digest.sha256(key.getEncoded());
    }
}
