package io.modelkit.core.container;

import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels that link an image to the ModelKit it serves. Standard
 * {@code org.opencontainers.image.*} keys where one fits; the ModelKit's own reference and digest
 * under {@code io.modelkit.modelkit.*}, for which no standard key exists.
 * {@code org.opencontainers.image.source} is left to the base image: it names a source code URL,
 * which a ModelKit does not carry.
 */
public final class ImageLabels {
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String DESCRIPTION = "org.opencontainers.image.description";
    public static final String LICENSES = "org.opencontainers.image.licenses";
    public static final String AUTHORS = "org.opencontainers.image.authors";
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String BASE_NAME = "org.opencontainers.image.base.name";
    public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
    public static final String MODELKIT_REFERENCE = "io.modelkit.modelkit.reference";
    public static final String MODELKIT_DIGEST = "io.modelkit.modelkit.digest";
    public static final String MODEL_DIR = "io.modelkit.modelkit.dir";

    private ImageLabels() {
    }

    /** The labels in key order; a Kitfile field that is not set gives no label. */
    static Map<String, String> of(KitPackage kitPackage, String modelKitReference, Digest modelKit, Reference base,
            Digest baseDigest, String modelDir, Instant created) {
        Map<String, String> labels = new TreeMap<>();
        putIfSet(labels, TITLE, kitPackage.name());
        putIfSet(labels, VERSION, kitPackage.version());
        putIfSet(labels, DESCRIPTION, kitPackage.description());
        putIfSet(labels, LICENSES, kitPackage.license());
        if (!kitPackage.authors().isEmpty()) {
            labels.put(AUTHORS, String.join(", ", kitPackage.authors()));
        }
        if (created != null) {
            labels.put(CREATED, DateTimeFormatter.ISO_INSTANT.format(created));
        }
        labels.put(BASE_NAME, base.toString());
        labels.put(BASE_DIGEST, baseDigest.toString());
        labels.put(MODELKIT_REFERENCE, modelKitReference);
        labels.put(MODELKIT_DIGEST, modelKit.toString());
        labels.put(MODEL_DIR, modelDir);
        return labels;
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isEmpty()) {
            labels.put(key, value);
        }
    }
}
