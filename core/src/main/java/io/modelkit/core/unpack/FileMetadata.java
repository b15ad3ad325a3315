package io.modelkit.core.unpack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import java.util.OptionalLong;

/**
 * The parts of a raw layer's {@code org.cncf.model.file.metadata+json} annotation that extraction
 * uses: {@code {"name","mode","uid","gid","size","mtime","typeflag"}} as kit writes it.
 *
 * @param name file name recorded at pack time (informational)
 * @param mode permission bits, already masked to {@code 0777}
 * @param size content length, if recorded
 */
public record FileMetadata(String name, int mode, OptionalLong size) {
    /** The annotation key. */
    public static final String ANNOTATION = "org.cncf.model.file.metadata+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the annotation value; a missing {@code mode} gives {@code 0644}, kit's default.
     *
     * @param what the layer, for messages
     */
    public static FileMetadata parse(String json, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelKitException(what + ": annotation " + ANNOTATION + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelKitException(what + ": annotation " + ANNOTATION + " must be a JSON object");
        }
        JsonNode mode = node.get("mode");
        JsonNode size = node.get("size");
        if (mode != null && !mode.canConvertToLong() || size != null && (!size.canConvertToLong() || size.asLong() < 0)) {
            throw new ModelKitException(what + ": annotation " + ANNOTATION
                    + " has a non-numeric or negative 'mode' or 'size'");
        }
        return new FileMetadata(
                node.path("name").asText(""),
                mode == null ? 0644 : (int) (mode.asLong() & 0777),
                size == null ? OptionalLong.empty() : OptionalLong.of(size.asLong()));
    }
}
