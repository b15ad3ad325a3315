package io.modelkit.core.provenance;

import io.modelkit.core.ModelKitException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Collection;
import java.util.List;

/**
 * Verifies DSSE envelopes against an allow-list of ECDSA public keys. The signature is checked over
 * the PAE of the envelope's exact payload bytes, never a re-serialization. Signatures may be ASN.1
 * DER (cosign, Java) or raw IEEE P1363 {@code r||s}, both of which sigstore accepts. {@code keyid}
 * is an unauthenticated hint and is ignored: every trusted key is tried on every signature.
 */
public final class EnvelopeVerifier {
    private static final String P1363 = EnvelopeSigner.ALGORITHM + "inP1363Format";

    private final List<PublicKey> trusted;

    public EnvelopeVerifier(Collection<? extends PublicKey> trustedKeys) {
        this.trusted = List.copyOf(trustedKeys);
        if (trusted.isEmpty()) {
            throw new ModelKitException("DSSE verification needs at least one trusted public key");
        }
        for (PublicKey key : trusted) {
            if (!"EC".equals(key.getAlgorithm())) {
                throw new ModelKitException("trusted key " + VerifiedEnvelope.fingerprint(key)
                        + ": expected an EC (ECDSA) public key, got " + key.getAlgorithm());
            }
        }
    }

    public static EnvelopeVerifier trusting(PublicKey... trustedKeys) {
        return new EnvelopeVerifier(List.of(trustedKeys));
    }

    /** Verifies an in-toto envelope: payloadType must be exactly {@value Statement#PAYLOAD_TYPE}, as cosign requires. */
    public VerifiedEnvelope verifyInToto(Envelope envelope) {
        return verify(envelope, Statement.PAYLOAD_TYPE);
    }

    /**
     * Verifies that {@code envelope} has {@code payloadType} exactly and that a trusted key verifies one
     * of its signatures; returns the first such key and signature.
     */
    public VerifiedEnvelope verify(Envelope envelope, String payloadType) {
        if (!payloadType.equals(envelope.payloadType())) {
            throw new ModelKitException("DSSE envelope: payloadType '" + envelope.payloadType() + "' is not the expected '"
                    + payloadType + "'");
        }
        byte[] pae = envelope.pae();
        List<EnvelopeSignature> signatures = envelope.signatures();
        for (int i = 0; i < signatures.size(); i++) {
            byte[] sig = signatures.get(i).sig();
            for (PublicKey key : trusted) {
                if (verifies(EnvelopeSigner.ALGORITHM, key, pae, sig) || verifies(P1363, key, pae, sig)) {
                    return new VerifiedEnvelope(envelope, key, i);
                }
            }
        }
        throw new ModelKitException("DSSE envelope: none of its " + signatures.size() + " signature(s) verifies with any of the "
                + trusted.size() + " trusted key(s) (payloadType '" + payloadType + "', payload " + envelope.payload().length + " bytes)");
    }

    private static boolean verifies(String algorithm, PublicKey key, byte[] pae, byte[] sig) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(pae);
            return verifier.verify(sig);
        } catch (SignatureException e) {
            return false; // not an encoding of this form, or a bad length: simply not a valid signature
        } catch (GeneralSecurityException e) {
            throw new ModelKitException("cannot verify the DSSE envelope with " + algorithm + " and trusted key "
                    + VerifiedEnvelope.fingerprint(key) + ": " + e.getMessage(), e);
        }
    }
}
