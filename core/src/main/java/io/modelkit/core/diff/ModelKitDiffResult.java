package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The differences from ModelKit A (the baseline) to ModelKit B. {@code content} lists every layer-backed
 * entry, unchanged ones included; the other lists hold only differences.
 */
public record ModelKitDiffResult(String referenceA, Digest digestA, String referenceB, Digest digestB,
                                 List<FieldChange> kitfileFields, List<ValueChange> hyperparameters,
                                 List<ContentChange> content, ManifestComparison layers) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ModelKitDiffResult {
        Objects.requireNonNull(digestA, "digestA");
        Objects.requireNonNull(digestB, "digestB");
        kitfileFields = List.copyOf(kitfileFields);
        hyperparameters = List.copyOf(hyperparameters);
        content = List.copyOf(content);
        Objects.requireNonNull(layers, "layers");
    }

    /** True when both are the same manifest, byte for byte. */
    public boolean identical() {
        return digestA.equals(digestB);
    }

    /** The entries whose layer changed, was added or was removed. */
    public List<ContentChange> contentChanges() {
        return content.stream().filter(change -> change.status() != ContentStatus.UNCHANGED).toList();
    }

    /**
     * A stable JSON tree: keys in a fixed order, numbers as written, digests in full. Absent old or new
     * values are left out rather than written as null, so that a JSON {@code null} parameter stays visible.
     */
    public ObjectNode toJson() {
        ObjectNode root = NODES.objectNode();
        root.set("a", side(referenceA, digestA));
        root.set("b", side(referenceB, digestB));
        root.put("identical", identical());
        ArrayNode fields = root.putArray("kitfile");
        for (FieldChange change : kitfileFields) {
            ObjectNode node = fields.addObject().put("path", change.path());
            putText(node, "old", change.oldValue());
            putText(node, "new", change.newValue());
        }
        ArrayNode parameters = root.putArray("hyperparameters");
        for (ValueChange change : hyperparameters) {
            ObjectNode node = parameters.addObject().put("path", change.path())
                    .put("kind", change.kind().name().toLowerCase(Locale.ROOT));
            putValue(node, "old", change.oldValue());
            putValue(node, "new", change.newValue());
            change.absoluteChange().ifPresent(delta -> node.put("absoluteChange", delta));
            change.relativeChange().ifPresent(ratio -> node.put("relativeChange", ratio));
        }
        ArrayNode entries = root.putArray("content");
        for (ContentChange change : content) {
            ObjectNode node = entries.addObject().put("kind", kindName(change.kind())).put("path", change.path());
            putText(node, "name", change.name());
            node.put("status", change.status().name().toLowerCase(Locale.ROOT));
            putLayer(node, "before", change.before());
            putLayer(node, "after", change.after());
        }
        ObjectNode manifest = root.putObject("layers");
        manifest.put("sameConfig", layers.sameConfig());
        manifest.put("annotationsMatch", layers.annotationsMatch());
        manifest.set("shared", digests(layers.sharedLayers()));
        manifest.set("uniqueToA", digests(layers.uniqueLayersA()));
        manifest.set("uniqueToB", digests(layers.uniqueLayersB()));
        return root;
    }

    /** A layer kind as people write it: {@code model part}, {@code dataset}. */
    static String kindName(io.modelkit.core.kitfile.LayerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ObjectNode side(String reference, Digest digest) {
        ObjectNode node = NODES.objectNode();
        putText(node, "reference", reference);
        return node.put("digest", digest.toString());
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void putValue(ObjectNode node, String key, JsonNode value) {
        if (value != null) {
            node.set(key, value.deepCopy());
        }
    }

    private static void putLayer(ObjectNode node, String key, Descriptor layer) {
        if (layer != null) {
            node.putObject(key).put("digest", layer.digest().toString()).put("size", layer.size())
                    .put("mediaType", layer.mediaType());
        }
    }

    private static ArrayNode digests(List<Descriptor> layers) {
        ArrayNode array = NODES.arrayNode();
        layers.forEach(layer -> array.add(layer.digest().toString()));
        return array;
    }
}
