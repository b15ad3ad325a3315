package io.modelkit.core.provenance.oci;

/**
 * A DSSE envelope found next to a ModelKit, its bytes checked against the digest that named them.
 *
 * @param origin where it was found, for reports: a referrer digest or a layer of the {@code .att} image
 * @param envelopeJson the envelope
 * @param keyHint the bundle's public key hint, or null (legacy layers carry none)
 */
public record StoredAttestation(String origin, byte[] envelopeJson, String keyHint) {
    public StoredAttestation {
        envelopeJson = envelopeJson.clone();
    }

    @Override
    public byte[] envelopeJson() {
        return envelopeJson.clone();
    }
}
