package io.modelkit.core.provenance.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The OCI manifests that carry attestations, in the two layouts cosign reads: a Sigstore bundle
 * referrer (cosign v3) and the legacy {@code sha256-<hex>.att} image (cosign v1/v2, Kyverno, Ratify).
 */
public final class AttestationManifests {
    /** The empty JSON object {@code {}}: the config of an artifact that has none. */
    public static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
    public static final String DSSE_ENVELOPE = "application/vnd.dsse.envelope.v1+json";
    public static final String ANNOTATION_BUNDLE_CONTENT = "dev.sigstore.bundle.content";
    public static final String ANNOTATION_BUNDLE_PREDICATE_TYPE = "dev.sigstore.bundle.predicateType";
    public static final String ANNOTATION_COSIGN_SIGNATURE = "dev.cosignproject.cosign/signature";
    public static final String ANNOTATION_PREDICATE_TYPE = "predicateType";
    private static final String LEGACY_SUFFIX = ".att";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttestationManifests() {
    }

    /** {@code sha256-<hex>.att}: the tag of the legacy attestation image of {@code subject}. */
    public static String legacyTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex() + LEGACY_SUFFIX;
    }

    /**
     * An artifact that refers to {@code subject}: empty config, {@code content} as its one layer of
     * media type {@code artifactType}, the given annotations and the created time.
     */
    public static Manifest referrer(Descriptor subject, String artifactType, Descriptor content,
            Map<String, String> annotations, Instant created) {
        Manifest.Builder builder = Manifest.builder()
                .mediaType(MediaTypes.OCI_MANIFEST)
                .artifactType(artifactType)
                .config(new Descriptor(MediaTypes.OCI_EMPTY, Digest.sha256(EMPTY_CONFIG), EMPTY_CONFIG.length))
                .layers(List.of(new Descriptor(artifactType, content.digest(), content.size())))
                .subject(new Descriptor(subject.mediaType(), subject.digest(), subject.size()));
        new java.util.TreeMap<>(annotations).forEach(builder::annotation);
        return builder.annotation("org.opencontainers.image.created",
                DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS))).build();
    }

    /** The layer descriptor of one envelope in a legacy {@code .att} image. */
    public static Descriptor legacyLayer(Digest envelope, long size, String predicateType) {
        return new Descriptor(DSSE_ENVELOPE, envelope, size, List.of(),
                Map.of(ANNOTATION_COSIGN_SIGNATURE, "", ANNOTATION_PREDICATE_TYPE, predicateType), null);
    }

    /**
     * The image config cosign's library writes for an attestation image: empty platform, one diff_id
     * per layer. Readers ignore it; registries want a config blob.
     */
    public static byte[] legacyConfig(List<Descriptor> layers) {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "");
        config.put("created", "0001-01-01T00:00:00Z");
        config.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
        config.put("os", "");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        layers.forEach(layer -> diffIds.add(layer.digest().toString()));
        config.putObject("config");
        try {
            return JSON.writeValueAsBytes(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The legacy attestation image with these layers and their config. */
    public static Manifest legacyImage(List<Descriptor> layers, byte[] config) {
        return Manifest.builder()
                .mediaType(MediaTypes.OCI_MANIFEST)
                .config(new Descriptor("application/vnd.oci.image.config.v1+json", Digest.sha256(config), config.length))
                .layers(layers)
                .build();
    }
}
