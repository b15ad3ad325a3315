package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageIndexTest {
    private static final String M = "sha256:" + "a".repeat(64);

    @Test
    void shouldWriteGoOrderWithManifestsAlwaysPresent() {
        assertThat(new String(ImageIndex.of(List.of()).toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");

        ImageIndex index = new ImageIndex(MediaTypes.OCI_INDEX, MediaTypes.KIT_INDEX_ARTIFACT_TYPE,
                List.of(new Descriptor(MediaTypes.OCI_MANIFEST, Digest.parse(M), 10).withAnnotation(Annotations.REF_NAME, "v1")),
                Map.of("b", "2", "a", "1"));
        String expected = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"artifactType\":\"application/vnd.kitops.modelkit.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + M + "\",\"size\":10,"
                + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}],\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}";
        assertThat(new String(index.toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(ImageIndex.parse(expected.getBytes(StandardCharsets.UTF_8))).isEqualTo(index);
    }

    @Test
    void shouldReadIndexesWithoutMediaTypeOrManifests() {
        ImageIndex index = ImageIndex.parse("{\"schemaVersion\":2,\"manifests\":null,\"extra\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(index.manifests()).isEmpty();
        assertThat(index.mediaType()).isEmpty();
    }

    @Test
    void shouldRefuseManifests() {
        byte[] manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImageIndex.parse(manifest, "index.json"))
                .hasMessage("index.json: mediaType 'application/vnd.oci.image.manifest.v1+json' is not an image index");
    }
}
