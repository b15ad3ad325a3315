package io.modelkit.core.gate;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeVerifier;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.VerifiedEnvelope;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.StoredAttestation;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement whose signature verified against a trusted key: the key's fingerprint ({@code sha256:<hex>}),
 * the statement read from the signed bytes, and where it was found. Only these count for a gate.
 */
public record VerifiedAttestation(String keyFingerprint, Statement statement, String origin) {

    /**
     * Every attestation stored next to {@code subject} that one of {@code trustedKeys} signed; the others are
     * left out, as nothing in them can be believed. No trusted key means no verified attestation.
     */
    public static List<VerifiedAttestation> find(AttestationStore store, Descriptor subject, List<PublicKey> trustedKeys) {
        List<VerifiedAttestation> verified = new ArrayList<>();
        if (trustedKeys.isEmpty()) {
            return verified;
        }
        EnvelopeVerifier verifier = new EnvelopeVerifier(trustedKeys);
        for (StoredAttestation found : store.find(subject)) {
            try {
                VerifiedEnvelope envelope = verifier.verifyInToto(Envelope.parse(found.envelopeJson()));
                verified.add(new VerifiedAttestation(envelope.keyFingerprint().toString(), envelope.statement(),
                        found.origin()));
            } catch (ModelKitException e) {
                continue; // unsigned, untrusted or malformed: it does not count
            }
        }
        return verified;
    }
}
