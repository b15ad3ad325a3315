package io.modelkit.core.store;

import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayerMediaType;
import io.modelkit.core.oci.LayerMediaType.Compression;
import io.modelkit.core.oci.LayerMediaType.Format;
import io.modelkit.core.oci.LayerMediaType.Kind;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.nio.charset.StandardCharsets;

/** Small ModelKits written into a layout the way a pack does: layers, config, then the manifest. */
final class TestKits {
    static final String SHARED_LAYER = "shared layer content";

    private TestKits() {
    }

    /** Stores a kit with one own layer and one layer shared by every kit; returns its manifest (not yet indexed). */
    static Manifest writeBlobs(OciLayout layout, String name) {
        StoredBlob config = layout.putBlob(bytes("{\"manifestVersion\":\"1.0.0\",\"package\":{\"name\":\"" + name + "\"}}"));
        StoredBlob own = layout.putBlob(bytes("model weights of " + name));
        StoredBlob shared = layout.putBlob(bytes(SHARED_LAYER));
        return Manifest.builder()
                .artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(config.descriptor(MediaTypes.KIT_CONFIG))
                .layer(layer(own, Kind.MODEL, "model.bin"))
                .layer(layer(shared, Kind.DOCS, "README.md"))
                .annotation(Annotations.CREATED, "2026-01-02T03:04:05Z")
                .build();
    }

    private static Descriptor layer(StoredBlob blob, Kind kind, String path) {
        return blob.descriptor(LayerMediaType.kit(kind, Format.RAW, Compression.NONE).toString())
                .withAnnotation(Annotations.FILEPATH, path);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
