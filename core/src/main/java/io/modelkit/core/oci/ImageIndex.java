package io.modelkit.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OCI image index: a list of manifest descriptors with annotations. Used for the
 * {@code index.json} of an image layout and for multi-manifest artifacts. {@link #toBytes()} writes
 * Go's {@code ocispec.Index} key order: {@code schemaVersion, mediaType, artifactType, manifests,
 * annotations}.
 */
public record ImageIndex(String mediaType, String artifactType, List<Descriptor> manifests, Map<String, String> annotations) {

    public ImageIndex {
        mediaType = mediaType == null ? "" : mediaType;
        artifactType = artifactType == null ? "" : artifactType;
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = OciJson.sortedCopy(annotations);
    }

    /** An OCI index of {@code manifests}, without annotations. */
    public static ImageIndex of(List<Descriptor> manifests) {
        return new ImageIndex(MediaTypes.OCI_INDEX, "", manifests, Map.of());
    }

    public ImageIndex withManifests(List<Descriptor> newManifests) {
        return new ImageIndex(mediaType, artifactType, newManifests, annotations);
    }

    /** Parses an OCI index or Docker manifest list; unknown fields are ignored. */
    public static ImageIndex parse(byte[] bytes, String where) {
        JsonNode json = OciJson.parse(bytes, where);
        OciJson.schemaVersion(json, where);
        String mediaType = OciJson.optionalString(json, "mediaType", where);
        if (!mediaType.isEmpty() && !MediaTypes.isIndex(mediaType)) {
            throw new ModelKitException(where + ": mediaType '" + mediaType + "' is not an image index");
        }
        JsonNode list = OciJson.field(json, "manifests");
        List<Descriptor> manifests = new ArrayList<>();
        if (list != null) {
            if (!list.isArray()) {
                throw new ModelKitException(where + ": manifests must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                manifests.add(Descriptor.fromJson(list.get(i), where + ": manifests[" + i + "]"));
            }
        }
        return new ImageIndex(mediaType, OciJson.optionalString(json, "artifactType", where), manifests,
                OciJson.optionalStringMap(json, "annotations", where));
    }

    /** Parses index bytes; errors name the index by digest. */
    public static ImageIndex parse(byte[] bytes) {
        return parse(bytes, "index " + Digest.sha256(bytes));
    }

    /** The JSON tree in Go's order; {@code manifests} is always present, as an array. */
    public ObjectNode toJson() {
        ObjectNode json = OciJson.object();
        json.put("schemaVersion", 2);
        if (!mediaType.isEmpty()) {
            json.put("mediaType", mediaType);
        }
        if (!artifactType.isEmpty()) {
            json.put("artifactType", artifactType);
        }
        ArrayNode array = json.putArray("manifests");
        manifests.forEach(descriptor -> array.add(descriptor.toJson()));
        OciJson.putAnnotations(json, annotations);
        return json;
    }

    /** Go encoding/json bytes of this index. */
    public byte[] toBytes() {
        return GoJson.write(toJson());
    }
}
