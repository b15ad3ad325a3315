package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final String C = "sha256:" + "c".repeat(64);
    private static final String L1 = "sha256:" + "1".repeat(64);
    private static final String L2 = "sha256:" + "2".repeat(64);

    private static final String KIT_MANIFEST = "{\"schemaVersion\":2,"
            + "\"artifactType\":\"application/vnd.kitops.modelkit.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.kitops.modelkit.config.v1+json\",\"digest\":\"" + C + "\",\"size\":412},"
            + "\"layers\":[{\"mediaType\":\"application/vnd.kitops.modelkit.model.v1.tar\",\"digest\":\"" + L1 + "\",\"size\":5244416,"
            + "\"annotations\":{\"org.cncf.model.filepath\":\"models/m1.gguf\"}},"
            + "{\"mediaType\":\"application/vnd.kitops.modelkit.code.v1.tar\",\"digest\":\"" + L2 + "\",\"size\":10240,"
            + "\"annotations\":{\"ml.kitops.modelkit.layer-subtype\":\"prompt\",\"org.cncf.model.filepath\":\"system.prompt.md\"}}],"
            + "\"annotations\":{\"ml.kitops.modelkit.cli-version\":\"1.15.0\",\"org.opencontainers.image.created\":\"2026-06-20T10:11:12Z\"}}";

    @Test
    void shouldBuildTheBytesKitWrites() {
        Manifest manifest = Manifest.builder()
                .artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(new Descriptor(MediaTypes.KIT_CONFIG, Digest.parse(C), 412))
                .layer(new Descriptor(LayerMediaType.parse("application/vnd.kitops.modelkit.model.v1.tar").toString(), Digest.parse(L1), 5244416)
                        .withAnnotation(Annotations.FILEPATH, "models/m1.gguf"))
                .layer(new Descriptor("application/vnd.kitops.modelkit.code.v1.tar", Digest.parse(L2), 10240)
                        .withAnnotation(Annotations.FILEPATH, "system.prompt.md")
                        .withAnnotation(Annotations.LAYER_SUBTYPE, Annotations.LAYER_SUBTYPE_PROMPT))
                .annotation(Annotations.CREATED, "2026-06-20T10:11:12Z")
                .annotation(Annotations.KIT_CLI_VERSION, "1.15.0")
                .build();

        assertThat(new String(manifest.bytes(), StandardCharsets.UTF_8)).isEqualTo(KIT_MANIFEST);
        assertThat(manifest.digest()).isEqualTo(Digest.sha256(KIT_MANIFEST.getBytes(StandardCharsets.UTF_8)));
        assertThat(manifest.mediaType()).isEmpty();
        assertThat(manifest.isModelKit()).isTrue();
        assertThat(manifest.isModelPack()).isFalse();
    }

    @Test
    void shouldWriteModelPackWithMediaTypeEmptyLayersAndEscapes() {
        Manifest manifest = Manifest.builder()
                .mediaType(MediaTypes.OCI_MANIFEST)
                .artifactType(MediaTypes.MODELPACK_MANIFEST_ARTIFACT_TYPE)
                .config(new Descriptor(MediaTypes.MODELPACK_CONFIG, Digest.parse(C), 3))
                .annotation(Annotations.KITFILE, "{\"a\":\"<&>\"}")
                .build();

        assertThat(new String(manifest.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\":2,"
                + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"artifactType\":\"application/vnd.cncf.model.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.cncf.model.config.v1+json\",\"digest\":\"" + C + "\",\"size\":3},"
                + "\"layers\":[],"
                + "\"annotations\":{\"ml.kitops.modelkit.kitfile\":\"{\\\"a\\\":\\\"\\u003c\\u0026\\u003e\\\"}\"}}");
        assertThat(manifest.isModelPack()).isTrue();
        assertThat(manifest.annotation(Annotations.KITFILE)).contains("{\"a\":\"<&>\"}");
    }

    @Test
    void shouldKeepForeignBytesExactly() {
        String pretty = """
                {
                  "schemaVersion": 2,
                  "unknownField": {"x": [1, 2.50]},
                  "config": {"mediaType": "application/vnd.kitops.modelkit.config.v1+json", "digest": "%s", "size": 1},
                  "layers": [{"mediaType": "application/vnd.kitops.modelkit.dataset.v1.tar+gzip", "digest": "%s", "size": 2}],
                  "annotations": {"b": "2", "a": "1"}
                }
                """.formatted(C, L1);
        byte[] bytes = pretty.getBytes(StandardCharsets.UTF_8);

        Manifest manifest = Manifest.parse(bytes);

        assertThat(manifest.bytes()).isEqualTo(bytes);
        assertThat(manifest.digest()).isEqualTo(Digest.sha256(bytes));
        assertThat(manifest.size()).isEqualTo(bytes.length);
        assertThat(manifest.artifactType()).isEmpty();
        assertThat(manifest.isModelKit()).isTrue(); // old kit: recognised by the config media type
        assertThat(manifest.layers()).singleElement().extracting(Descriptor::size).isEqualTo(2L);
        assertThat(manifest.annotations()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(manifest.descriptor()).isEqualTo(new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(bytes), bytes.length));
        assertThat(Manifest.parse(manifest.bytes())).isEqualTo(manifest);
    }

    @Test
    void shouldRoundTripBuiltManifests() {
        Manifest built = Manifest.parse(KIT_MANIFEST.getBytes(StandardCharsets.UTF_8));

        Manifest rebuilt = Manifest.builder()
                .artifactType(built.artifactType().orElseThrow())
                .config(built.config())
                .layers(built.layers())
                .annotations(built.annotations())
                .build();

        assertThat(rebuilt.bytes()).isEqualTo(built.bytes());
    }

    @Test
    void shouldReadDockerSchema2AndSubject() {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + C + "\",\"size\":5},"
                + "\"layers\":[],\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + L1 + "\",\"size\":9}}";

        Manifest manifest = Manifest.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(manifest.mediaType()).contains(MediaTypes.DOCKER_MANIFEST);
        assertThat(manifest.subject()).contains(new Descriptor(MediaTypes.OCI_MANIFEST, Digest.parse(L1), 9));
        assertThat(manifest.isModelKit()).isFalse();
        assertThat(manifest.isModelPack()).isFalse();
        assertThat(manifest.descriptor().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void shouldRecogniseModelPackByConfigAlone() {
        String json = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.cncf.model.config.v1+json\",\"digest\":\"" + C
                + "\",\"size\":5},\"layers\":[]}";

        assertThat(Manifest.parse(json.getBytes(StandardCharsets.UTF_8)).isModelPack()).isTrue();
    }

    @Test
    void shouldRejectWhatIsNotAManifest() {
        byte[] index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] schema1 = "{\"schemaVersion\":1,\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] noConfig = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] badLayer = ("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + C + "\",\"size\":1},\"layers\":[{\"size\":1}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Manifest.parse(index)).isInstanceOf(ModelKitException.class)
                .hasMessage("manifest " + Digest.sha256(index) + ": is an image index (application/vnd.oci.image.index.v1+json), not a manifest");
        assertThatThrownBy(() -> Manifest.parse(schema1)).hasMessage("manifest " + Digest.sha256(schema1) + ": schemaVersion must be 2, found 1");
        assertThatThrownBy(() -> Manifest.parse(noConfig)).hasMessage("manifest " + Digest.sha256(noConfig) + ": config: expected a descriptor object");
        assertThatThrownBy(() -> Manifest.parse(badLayer)).hasMessage("manifest " + Digest.sha256(badLayer) + ": layers[0]: missing digest");
        assertThatThrownBy(() -> Manifest.parse("{\"schemaVersion\":2} x".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> Manifest.builder().build()).hasMessage("a manifest needs a config descriptor");
    }
}
