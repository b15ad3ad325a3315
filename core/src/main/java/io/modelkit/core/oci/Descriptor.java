package io.modelkit.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI content descriptor. Optional text fields are empty strings when absent, as in Go, and
 * annotations are kept in Go's map order (UTF-8 byte order of the keys). The {@code data} and
 * {@code platform} fields are not modelled: ModelKits never carry them.
 */
public record Descriptor(String mediaType, Digest digest, long size, List<String> urls,
                         Map<String, String> annotations, String artifactType) {

    public Descriptor {
        mediaType = mediaType == null ? "" : mediaType;
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new ModelKitException("descriptor " + digest + ": size must not be negative, was " + size);
        }
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = OciJson.sortedCopy(annotations);
        artifactType = artifactType == null ? "" : artifactType;
    }

    /** A descriptor with no urls, annotations or artifactType. */
    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, List.of(), Map.of(), "");
    }

    /** The descriptor of {@code content}, computing its digest and size. */
    public static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Digest.sha256(content), content.length);
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, urls, newAnnotations, artifactType);
    }

    /** A copy with {@code key} set to {@code value}. */
    public Descriptor withAnnotation(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        copy.put(key, value);
        return withAnnotations(copy);
    }

    /** A copy without annotation {@code key}. */
    public Descriptor withoutAnnotation(String key) {
        if (!annotations.containsKey(key)) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        copy.remove(key);
        return withAnnotations(copy);
    }

    public Descriptor withArtifactType(String newArtifactType) {
        return new Descriptor(mediaType, digest, size, urls, annotations, newArtifactType);
    }

    /**
     * The descriptor as Go's {@code ocispec.Descriptor} marshals it: {@code mediaType, digest, size,
     * urls, annotations, artifactType}, empty optional fields omitted. Write it with
     * {@link io.modelkit.core.json.GoJson#write}.
     */
    public ObjectNode toJson() {
        ObjectNode json = OciJson.object();
        if (!mediaType.isEmpty()) {
            json.put("mediaType", mediaType);
        }
        json.put("digest", digest.toString());
        json.put("size", size);
        if (!urls.isEmpty()) {
            ArrayNode array = json.putArray("urls");
            urls.forEach(array::add);
        }
        OciJson.putAnnotations(json, annotations);
        if (!artifactType.isEmpty()) {
            json.put("artifactType", artifactType);
        }
        return json;
    }

    /**
     * Reads a descriptor; unknown fields are ignored. {@code where} names the descriptor in errors,
     * e.g. {@code "manifest sha256:…: layers[2]"}.
     */
    public static Descriptor fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new ModelKitException(where + ": expected a descriptor object");
        }
        String digestText = OciJson.optionalString(node, "digest", where);
        if (digestText.isEmpty()) {
            throw new ModelKitException(where + ": missing digest");
        }
        Digest digest;
        try {
            digest = Digest.parse(digestText);
        } catch (ModelKitException e) {
            throw new ModelKitException(where + ".digest: " + e.getMessage(), e);
        }
        JsonNode size = OciJson.field(node, "size");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.longValue() < 0) {
            throw new ModelKitException(where + ".size: expected a non-negative integer, found " + (size == null ? "none" : size.toString()));
        }
        return new Descriptor(OciJson.optionalString(node, "mediaType", where), digest, size.longValue(),
                OciJson.optionalStringList(node, "urls", where), OciJson.optionalStringMap(node, "annotations", where),
                OciJson.optionalString(node, "artifactType", where));
    }
}
