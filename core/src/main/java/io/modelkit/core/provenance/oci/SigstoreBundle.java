package io.modelkit.core.provenance.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import java.io.IOException;

/**
 * A Sigstore bundle v0.3 for a key-signed DSSE envelope, as cosign v3 stores it next to an image:
 * {@code verificationMaterial.publicKey.hint} and the envelope, with no transparency-log entry.
 *
 * @param envelopeJson the DSSE envelope, as JSON
 * @param keyHint base64 of the sha256 of the signing key's PKIX DER, or null
 */
public record SigstoreBundle(byte[] envelopeJson, String keyHint) {
    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.bundle";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SigstoreBundle {
        envelopeJson = envelopeJson.clone();
    }

    @Override
    public byte[] envelopeJson() {
        return envelopeJson.clone();
    }

    /** The bundle's JSON: media type, the public key hint, the envelope. */
    public byte[] toBytes() {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("mediaType", MEDIA_TYPE);
        ObjectNode publicKey = bundle.putObject("verificationMaterial").putObject("publicKey");
        if (keyHint != null) {
            publicKey.put("hint", keyHint);
        }
        bundle.set("dsseEnvelope", readJson(envelopeJson, "DSSE envelope"));
        try {
            return JSON.writeValueAsBytes(bundle);
        } catch (JsonProcessingException e) {
            throw new ModelKitException("cannot write a Sigstore bundle: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether a layer of this media type holds a bundle cosign v3 reads (v0.3 or later). */
    public static boolean isBundleMediaType(String mediaType) {
        if (mediaType == null || !mediaType.startsWith(MEDIA_TYPE_PREFIX)) {
            return false;
        }
        // v0.1 and v0.2 are "application/vnd.dev.sigstore.bundle+json;version=0.x"; v0.3 on is ".v0.3+json"
        return mediaType.startsWith(MEDIA_TYPE_PREFIX + ".v");
    }

    /**
     * Reads a bundle that holds a DSSE envelope.
     *
     * @param where what it is, for messages (a referrer digest and repository)
     * @throws ModelKitException naming {@code where} and what is missing
     */
    public static SigstoreBundle parse(byte[] bytes, String where) {
        JsonNode bundle = readJson(bytes, where);
        String mediaType = bundle.path("mediaType").asText("");
        if (!isBundleMediaType(mediaType)) {
            throw new ModelKitException(where + ": not a Sigstore bundle v0.3 (mediaType '" + mediaType + "')");
        }
        JsonNode envelope = bundle.get("dsseEnvelope");
        if (envelope == null || !envelope.isObject()) {
            throw new ModelKitException(where + ": the Sigstore bundle holds no dsseEnvelope");
        }
        JsonNode hint = bundle.path("verificationMaterial").path("publicKey").path("hint");
        try {
            return new SigstoreBundle(JSON.writeValueAsBytes(envelope), hint.isTextual() ? hint.asText() : null);
        } catch (JsonProcessingException e) {
            throw new ModelKitException(where + ": cannot read the bundle's envelope: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readJson(byte[] bytes, String where) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ModelKitException(where + ": expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ModelKitException(where + ": malformed JSON: " + e.getMessage(), e);
        }
    }
}
