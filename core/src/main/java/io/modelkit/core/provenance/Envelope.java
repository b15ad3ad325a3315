package io.modelkit.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE v1 envelope: the payload bytes, their type and the signatures over their
 * {@link Pae PAE}. The payload is kept exactly as received, never re-serialized, because
 * the signatures are over those bytes.
 */
public record Envelope(String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
    /** DSSE's media type when an envelope is stored as an OCI blob or layer. */
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

    public Envelope {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = Objects.requireNonNull(payload, "payload").clone();
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new ModelKitException("DSSE envelope: signatures must not be empty");
        }
    }

    /**
     * Parses envelope JSON strictly: {@code payload}, {@code payloadType}, {@code signatures} and
     * each {@code sig} are required; base64 may be standard or URL-safe; unknown fields are ignored.
     */
    public static Envelope parse(byte[] json) {
        String where = "DSSE envelope";
        JsonNode root = ProvenanceJson.parseObject(json, where);
        byte[] payload = ProvenanceJson.base64(ProvenanceJson.string(root, "payload", where), where + ": field 'payload'");
        String payloadType = ProvenanceJson.string(root, "payloadType", where);
        JsonNode signaturesNode = root.get("signatures");
        if (signaturesNode == null || signaturesNode.isNull()) {
            throw new ModelKitException(where + ": missing required field 'signatures'");
        }
        if (!signaturesNode.isArray()) {
            throw new ModelKitException(where + ": field 'signatures' must be an array");
        }
        List<EnvelopeSignature> signatures = new ArrayList<>(signaturesNode.size());
        for (int i = 0; i < signaturesNode.size(); i++) {
            String at = where + ": signatures[" + i + "]";
            JsonNode entry = signaturesNode.get(i);
            if (!entry.isObject()) {
                throw new ModelKitException(at + " must be an object");
            }
            String keyid = ProvenanceJson.optionalString(entry, "keyid", at);
            byte[] sig = ProvenanceJson.base64(ProvenanceJson.string(entry, "sig", at), at + ": field 'sig'");
            signatures.add(new EnvelopeSignature(keyid, sig));
        }
        return new Envelope(payloadType, payload, signatures);
    }

    /**
     * The envelope JSON as cosign writes it: fields {@code payload}, {@code payloadType},
     * {@code signatures}; standard padded base64 (cosign's subject check decodes only that);
     * {@code keyid} only when set.
     */
    public byte[] toJson() {
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("payload", base64.encodeToString(payload));
        root.put("payloadType", payloadType);
        ArrayNode list = root.putArray("signatures");
        for (EnvelopeSignature signature : signatures) {
            ObjectNode entry = list.addObject();
            if (!signature.keyid().isEmpty()) {
                entry.put("keyid", signature.keyid());
            }
            entry.put("sig", base64.encodeToString(signature.sig()));
        }
        return GoJson.write(root);
    }

    /** The PAE bytes the signatures cover. */
    public byte[] pae() {
        return Pae.encode(payloadType, payload);
    }

    /** A copy of the exact payload bytes. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && payloadType.equals(that.payloadType)
                && Arrays.equals(payload, that.payload) && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
    }

    @Override
    public String toString() {
        return "Envelope[payloadType=" + payloadType + ", payload=" + payload.length + " bytes, signatures="
                + signatures.size() + "]";
    }
}
