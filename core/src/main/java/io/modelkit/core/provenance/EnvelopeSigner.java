package io.modelkit.core.provenance;

import io.modelkit.core.ModelKitException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import java.util.Objects;

/**
 * Signs DSSE envelopes as cosign does by default: ECDSA with SHA-256 over the {@link Pae PAE},
 * the signature in ASN.1 DER. One signature per envelope, which is what a Sigstore bundle
 * requires.
 */
public final class EnvelopeSigner {
    static final String ALGORITHM = "SHA256withECDSA";

    private final PrivateKey key;
    private final String keyid;

    /**
     * @param key an EC private key (P-256 is what cosign and Kyverno expect by default)
     * @param keyid the unauthenticated key hint to write, or empty to write none (cosign's choice)
     */
    public EnvelopeSigner(PrivateKey key, String keyid) {
        this.key = Objects.requireNonNull(key, "key");
        this.keyid = keyid == null ? "" : keyid;
        if (!"EC".equals(key.getAlgorithm())) {
            throw new ModelKitException("signing key: expected an EC (ECDSA) private key, got " + key.getAlgorithm());
        }
    }

    /** A signer that writes no keyid. */
    public EnvelopeSigner(PrivateKey key) {
        this(key, "");
    }

    /** Signs the in-toto statement's exact bytes with payloadType {@value Statement#PAYLOAD_TYPE}. */
    public Envelope sign(Statement statement) {
        return sign(Statement.PAYLOAD_TYPE, statement.bytes());
    }

    /** Signs {@code payload} as it is, under {@code payloadType}. */
    public Envelope sign(String payloadType, byte[] payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(Pae.encode(payloadType, payload));
            return new Envelope(payloadType, payload, List.of(new EnvelopeSignature(keyid, signature.sign())));
        } catch (GeneralSecurityException e) {
            // The provider's message may describe the key but never holds its bytes.
            throw new ModelKitException("cannot sign the DSSE envelope with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EnvelopeSigner[" + ALGORITHM + (keyid.isEmpty() ? "" : ", keyid=" + keyid) + "]";
    }
}
