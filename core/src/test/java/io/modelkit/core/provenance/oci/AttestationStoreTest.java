package io.modelkit.core.provenance.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.StoredBlob;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attestations stored next to a ModelKit in both cosign layouts, in a real registry (through the
 * referrers fallback tag, since distribution 2.8 has no referrers API) and in an OCI layout; skopeo
 * reads what was written.
 */
class AttestationStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLSA = "https://slsa.dev/provenance/v1";
    private static final Instant CREATED = Instant.parse("2026-09-01T10:21:00Z");

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private static byte[] envelope(String marker) {
        return ("{\"payload\":\"" + java.util.Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8))
                + "\",\"payloadType\":\"application/vnd.in-toto+json\",\"signatures\":[{\"sig\":\"MEUCIQ==\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Manifest modelKit(byte[] config, byte[] layer) {
        return Manifest.builder()
                .artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(new Descriptor(MediaTypes.KIT_CONFIG, Digest.sha256(config), config.length))
                .layers(List.of(new Descriptor("application/vnd.kitops.modelkit.model.v1.tar", Digest.sha256(layer), layer.length)))
                .build();
    }

    private static void pushBlob(RegistryClient client, String repository, byte[] bytes) {
        client.pushBlob(repository, Digest.sha256(bytes), bytes.length, offset -> new ByteArrayInputStream(bytes));
    }

    @Test
    void shouldStoreAndFindBothLayoutsInARegistry() throws Exception {
        RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
        byte[] config = "{\"manifestVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = "weights".getBytes(StandardCharsets.UTF_8);
        pushBlob(client, "ml/attested", config);
        pushBlob(client, "ml/attested", layer);
        Manifest modelKit = modelKit(config, layer);
        client.putManifest("ml/attested", "1.0", modelKit.bytes(), MediaTypes.OCI_MANIFEST);
        AttestationStore store = new RegistryAttestationStore(client, "ml/attested");
        Descriptor subject = modelKit.descriptor();

        Descriptor referrer = store.storeBundle(subject, new SigstoreBundle(envelope("bundle"), "aGludA=="), SLSA, CREATED);
        store.storeLegacy(subject, envelope("legacy-1"), SLSA);
        store.storeLegacy(subject, envelope("legacy-2"), SLSA);
        store.storeLegacy(subject, envelope("legacy-1"), SLSA);

        List<StoredAttestation> found = store.find(subject);
        assertThat(found).extracting(StoredAttestation::origin).containsExactly("bundle referrer " + referrer.digest(),
                "sha256-" + modelKit.digest().hex() + ".att layer 1", "sha256-" + modelKit.digest().hex() + ".att layer 2");
        assertThat(JSON.readTree(found.get(0).envelopeJson())).isEqualTo(JSON.readTree(envelope("bundle")));
        assertThat(found.get(0).keyHint()).isEqualTo("aGludA==");
        assertThat(found.get(1).envelopeJson()).isEqualTo(envelope("legacy-1"));
        assertThat(found.get(2).envelopeJson()).isEqualTo(envelope("legacy-2"));

        JsonNode referrerManifest = JSON.readTree(skopeo("inspect", "--raw", "--tls-verify=false",
                "docker://" + REGISTRY.host() + "/ml/attested@" + referrer.digest()));
        assertThat(referrerManifest.path("artifactType").asText()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
        assertThat(referrerManifest.path("subject").path("digest").asText()).isEqualTo(modelKit.digest().toString());
        assertThat(referrerManifest.path("annotations").path("dev.sigstore.bundle.predicateType").asText()).isEqualTo(SLSA);
        assertThat(referrerManifest.path("config").path("digest").asText())
                .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        JsonNode legacy = JSON.readTree(skopeo("inspect", "--raw", "--tls-verify=false",
                "docker://" + REGISTRY.host() + "/ml/attested:sha256-" + modelKit.digest().hex() + ".att"));
        assertThat(legacy.path("layers")).hasSize(2);
        assertThat(legacy.path("layers").get(0).path("mediaType").asText()).isEqualTo("application/vnd.dsse.envelope.v1+json");
        assertThat(legacy.path("layers").get(0).path("annotations").path("predicateType").asText()).isEqualTo(SLSA);
        assertThat(legacy.path("layers").get(0).path("annotations").has("dev.cosignproject.cosign/signature")).isTrue();
    }

    @Test
    void shouldStoreAndFindBothLayoutsInAnOciLayout() throws Exception {
        Path dir = temp.resolve("layout");
        LayoutStore layout = LayoutStore.open(dir);
        StoredBlob config = layout.layout().putBlob("{}".getBytes(StandardCharsets.UTF_8));
        StoredBlob layer = layout.layout().putBlob("weights".getBytes(StandardCharsets.UTF_8));
        Manifest modelKit = Manifest.builder().artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(config.descriptor(MediaTypes.KIT_CONFIG))
                .layers(List.of(layer.descriptor("application/vnd.kitops.modelkit.model.v1.tar"))).build();
        LayoutReference name = LayoutReference.of(dir, "v1");
        Descriptor subject = layout.save(modelKit, List.of(name));
        AttestationStore store = new StoreAttestationStore(layout, name);

        store.storeBundle(subject, new SigstoreBundle(envelope("one"), null), SLSA, CREATED);
        store.storeBundle(subject, new SigstoreBundle(envelope("two"), null), SLSA, CREATED);
        store.storeLegacy(subject, envelope("three"), SLSA);

        assertThat(store.find(subject)).hasSize(3);
        assertThat(skopeo("inspect", "--raw", "oci:" + dir + ":sha256-" + subject.digest().hex() + ".att"))
                .contains("application/vnd.dsse.envelope.v1+json");
        assertThat(JSON.readTree(skopeo("inspect", "--raw", "oci:" + dir + ":sha256-" + subject.digest().hex()))
                .path("manifests")).hasSize(2);
        assertThat(new StoreAttestationStore(layout, name).find(modelKit(new byte[1], new byte[2]).descriptor())).isEmpty();
    }

    @Test
    void shouldRefuseABundleThatIsNotOne() {
        assertThatThrownBy(() -> SigstoreBundle.parse("{\"mediaType\":\"application/vnd.dev.sigstore.bundle+json;version=0.2\"}"
                .getBytes(StandardCharsets.UTF_8), "registry/ml/x@sha256:abc"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("registry/ml/x@sha256:abc: not a Sigstore bundle v0.3 (mediaType 'application/vnd.dev.sigstore.bundle+json;version=0.2')");
        assertThatThrownBy(() -> SigstoreBundle.parse(("{\"mediaType\":\"" + SigstoreBundle.MEDIA_TYPE + "\"}")
                .getBytes(StandardCharsets.UTF_8), "where")).hasMessage("where: the Sigstore bundle holds no dsseEnvelope");
        assertThatThrownBy(() -> SigstoreBundle.parse("{not json".getBytes(StandardCharsets.UTF_8), "where"))
                .hasMessageStartingWith("where: malformed JSON");
    }

    private static String skopeo(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("skopeo"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
