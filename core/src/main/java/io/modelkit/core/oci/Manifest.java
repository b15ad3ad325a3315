package io.modelkit.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image manifest kept as its exact bytes, with a parsed view of them. The bytes are the
 * truth: the digest is taken over them and they are stored and pushed unchanged, so a manifest
 * read from kit, a registry or a layout round-trips byte for byte. New manifests come from
 * {@link #builder()}, which writes the bytes Go's {@code encoding/json} writes for
 * {@code ocispec.Manifest}.
 */
public final class Manifest {
    private final byte[] bytes;
    private final Digest digest;
    private final String mediaType;
    private final String artifactType;
    private final Descriptor config;
    private final List<Descriptor> layers;
    private final Descriptor subject;
    private final Map<String, String> annotations;

    private Manifest(byte[] bytes, Digest digest, JsonNode json) {
        String where = "manifest " + digest;
        OciJson.schemaVersion(json, where);
        this.bytes = bytes;
        this.digest = digest;
        this.mediaType = OciJson.optionalString(json, "mediaType", where);
        if (MediaTypes.isIndex(mediaType)) {
            throw new ModelKitException(where + ": is an image index (" + mediaType + "), not a manifest");
        }
        if (!mediaType.isEmpty() && !MediaTypes.isManifest(mediaType)) {
            throw new ModelKitException(where + ": unsupported mediaType '" + mediaType + "'");
        }
        this.artifactType = OciJson.optionalString(json, "artifactType", where);
        this.config = Descriptor.fromJson(OciJson.field(json, "config"), where + ": config");
        this.layers = readLayers(json, where);
        JsonNode subjectNode = OciJson.field(json, "subject");
        this.subject = subjectNode == null ? null : Descriptor.fromJson(subjectNode, where + ": subject");
        this.annotations = OciJson.sortedCopy(OciJson.optionalStringMap(json, "annotations", where));
    }

    private static List<Descriptor> readLayers(JsonNode json, String where) {
        JsonNode layersNode = OciJson.field(json, "layers");
        if (layersNode == null) {
            return List.of();
        }
        if (!layersNode.isArray()) {
            throw new ModelKitException(where + ": layers must be an array");
        }
        List<Descriptor> list = new ArrayList<>(layersNode.size());
        for (int i = 0; i < layersNode.size(); i++) {
            list.add(Descriptor.fromJson(layersNode.get(i), where + ": layers[" + i + "]"));
        }
        return List.copyOf(list);
    }

    /**
     * Parses manifest bytes. Accepts manifests with or without {@code mediaType} and
     * {@code artifactType}, Docker schema 2 manifests, and unknown fields; rejects indexes.
     */
    public static Manifest parse(byte[] bytes) {
        byte[] copy = bytes.clone();
        Digest digest = Digest.sha256(copy);
        return new Manifest(copy, digest, OciJson.parse(copy, "manifest " + digest));
    }

    /** A copy of the exact bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The sha256 of {@link #bytes()}. */
    public Digest digest() {
        return digest;
    }

    public long size() {
        return bytes.length;
    }

    /** The top-level {@code mediaType}; kit leaves it out of the ModelKits it packs. */
    public Optional<String> mediaType() {
        return Optional.of(mediaType).filter(s -> !s.isEmpty());
    }

    public Optional<String> artifactType() {
        return Optional.of(artifactType).filter(s -> !s.isEmpty());
    }

    public Descriptor config() {
        return config;
    }

    public List<Descriptor> layers() {
        return layers;
    }

    public Optional<Descriptor> subject() {
        return Optional.ofNullable(subject);
    }

    /** Annotations in Go's map order. */
    public Map<String, String> annotations() {
        return annotations;
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    /** A KitOps ModelKit, recognised as kit does: by artifactType or by the config media type. */
    public boolean isModelKit() {
        return MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE.equals(artifactType) || MediaTypes.KIT_CONFIG.equals(config.mediaType());
    }

    /** A CNCF ModelPack (and not a KitOps ModelKit, which kit checks first). */
    public boolean isModelPack() {
        return !isModelKit() && (MediaTypes.MODELPACK_MANIFEST_ARTIFACT_TYPE.equals(artifactType)
                || MediaTypes.MODELPACK_CONFIG.equals(config.mediaType()));
    }

    /**
     * The descriptor that points at this manifest: its own media type (the OCI manifest type when
     * it has none, which is how kit stores and pushes it), digest, size and artifactType.
     */
    public Descriptor descriptor() {
        return new Descriptor(mediaType().orElse(MediaTypes.OCI_MANIFEST), digest, bytes.length, List.of(), Map.of(), artifactType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "manifest " + digest;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a new manifest in Go's key order {@code schemaVersion, mediaType, artifactType, config,
     * layers, subject, annotations}, with empty optional keys omitted and annotations sorted.
     * {@code layers} is always written, as an array, because Go's field has no {@code omitempty}.
     */
    public static final class Builder {
        private String mediaType = "";
        private String artifactType = "";
        private Descriptor config;
        private final List<Descriptor> layers = new ArrayList<>();
        private Descriptor subject;
        private final Map<String, String> annotations = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the top-level mediaType; leave unset to write a manifest as kit does. */
        public Builder mediaType(String value) {
            this.mediaType = value == null ? "" : value;
            return this;
        }

        public Builder artifactType(String value) {
            this.artifactType = value == null ? "" : value;
            return this;
        }

        public Builder config(Descriptor value) {
            this.config = value;
            return this;
        }

        public Builder layer(Descriptor value) {
            layers.add(Objects.requireNonNull(value, "layer"));
            return this;
        }

        public Builder layers(List<Descriptor> values) {
            values.forEach(this::layer);
            return this;
        }

        public Builder subject(Descriptor value) {
            this.subject = value;
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "annotation key"), Objects.requireNonNull(value, "annotation " + key));
            return this;
        }

        public Builder annotations(Map<String, String> values) {
            values.forEach(this::annotation);
            return this;
        }

        /** The manifest JSON tree in Go's order; {@link #build()} writes it with {@link GoJson}. */
        public ObjectNode toJson() {
            if (config == null) {
                throw new ModelKitException("a manifest needs a config descriptor");
            }
            ObjectNode json = OciJson.object();
            json.put("schemaVersion", 2);
            if (!mediaType.isEmpty()) {
                json.put("mediaType", mediaType);
            }
            if (!artifactType.isEmpty()) {
                json.put("artifactType", artifactType);
            }
            json.set("config", config.toJson());
            ArrayNode layerArray = json.putArray("layers");
            layers.forEach(layer -> layerArray.add(layer.toJson()));
            if (subject != null) {
                json.set("subject", subject.toJson());
            }
            OciJson.putAnnotations(json, OciJson.sortedCopy(annotations));
            return json;
        }

        public Manifest build() {
            return parse(GoJson.write(toJson()));
        }
    }
}
