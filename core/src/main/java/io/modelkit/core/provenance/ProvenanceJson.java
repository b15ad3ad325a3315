package io.modelkit.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.JsonObjects;
import java.util.Base64;

/** Strict JSON and base64 reading shared by the envelope and statement; errors name the document and field. */
final class ProvenanceJson {
    private ProvenanceJson() {
    }

    /** Duplicate keys are refused: two readers must never disagree on which value was signed. */
    static JsonNode parseObject(byte[] bytes, String what) {
        return JsonObjects.parseStrict(bytes, what);
    }

    /** A required string field. */
    static String string(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new ModelKitException(where + ": missing required field '" + field + "'");
        }
        if (!value.isTextual()) {
            throw new ModelKitException(where + ": field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** An optional string field; unset and null read as empty, as in-toto's parsing rules say. */
    static String optionalString(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ModelKitException(where + ": field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    /**
     * Decodes standard or URL-safe base64, padded or not, as DSSE allows; one alphabet per value,
     * and no whitespace.
     */
    static byte[] base64(String text, String where) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new ModelKitException(where + " is not valid base64: " + e.getMessage(), e);
        }
    }
}
