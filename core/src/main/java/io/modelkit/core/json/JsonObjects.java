package io.modelkit.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import java.io.IOException;

/** Reads a JSON document that must be one object, with errors naming what was read. */
public final class JsonObjects {
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonObjects() {
    }

    /** One object and nothing after it; a repeated key keeps the last value, as Go reads it. */
    public static JsonNode parse(byte[] bytes, String what) {
        return read(LENIENT, bytes, what);
    }

    /**
     * The same, refusing a repeated key: signed statements must mean one thing to every reader, so
     * a key that two parsers could resolve differently is an error.
     */
    public static JsonNode parseStrict(byte[] bytes, String what) {
        return read(STRICT, bytes, what);
    }

    private static JsonNode read(ObjectMapper mapper, byte[] bytes, String what) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ModelKitException(what + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ModelKitException(what + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelKitException(what + ": cannot read JSON: " + e.getMessage(), e);
        }
    }
}
