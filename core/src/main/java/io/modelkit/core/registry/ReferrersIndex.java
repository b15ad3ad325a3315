package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCI 1.1 referrers tag fallback: the index under tag {@code sha256-<hex>} that lists the
 * manifests whose {@code subject} is that digest, for registries without the referrers API.
 */
final class ReferrersIndex {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferrersIndex() {
    }

    /** {@code <algorithm>-<hex>}, as the distribution spec names the fallback tag. */
    static String fallbackTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex();
    }

    /** The manifest's {@code subject} digest, if it has one. */
    static Optional<Digest> subjectOf(byte[] manifest, String where) {
        JsonNode subject = read(manifest, where).path("subject").path("digest");
        return subject.isTextual() ? Optional.of(Digest.parse(subject.textValue())) : Optional.empty();
    }

    /**
     * The index entry for a referrer: its media type, digest and size, its {@code artifactType}
     * (or the config media type when it has none) and all its annotations.
     */
    static Descriptor entryFor(byte[] manifest, String mediaType, String where) {
        JsonNode json = read(manifest, where);
        String artifactType = json.path("artifactType").asText("");
        if (artifactType.isEmpty()) {
            artifactType = json.path("config").path("mediaType").asText("");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        json.path("annotations").fields().forEachRemaining(field -> annotations.put(field.getKey(), field.getValue().asText()));
        return new Descriptor(mediaType, Digest.sha256(manifest), manifest.length, List.of(), annotations, artifactType);
    }

    /** The index with {@code entry} added, or replacing an entry of the same digest. */
    static ImageIndex with(ImageIndex index, Descriptor entry) {
        List<Descriptor> manifests = new ArrayList<>();
        for (Descriptor existing : index.manifests()) {
            if (!existing.digest().equals(entry.digest())) {
                manifests.add(existing);
            }
        }
        manifests.add(entry);
        return index.withManifests(manifests);
    }

    static ImageIndex empty() {
        return ImageIndex.of(List.of());
    }

    /** The entries whose artifactType is {@code artifactType}; all of them when it is null or empty. */
    static List<Descriptor> filter(List<Descriptor> entries, String artifactType) {
        if (artifactType == null || artifactType.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(entry -> artifactType.equals(entry.artifactType())).toList();
    }


    private static JsonNode read(byte[] manifest, String where) {
        try {
            JsonNode json = MAPPER.readTree(manifest);
            if (json == null || !json.isObject()) {
                throw new ModelKitException(where + ": expected a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new ModelKitException(where + ": invalid JSON: " + e.getMessage(), e);
        }
    }
}
