package io.modelkit.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.auth.CredentialProvider;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.OciLayout;
import io.modelkit.core.transfer.Endpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images built from a packed ModelKit on a busybox base in a real registry, checked with skopeo
 * and umoci: config, files and bytes, reproducible digests, layer reuse, the three targets, errors.
 */
class ContainerizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PACKED = Instant.parse("2026-11-01T10:00:00Z");
    private static final byte[] WEIGHTS = weights();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    private static String base;

    @TempDir
    Path temp;

    @BeforeAll
    static void pushBase() throws Exception {
        Tools.pushBusyboxBase(shared, REGISTRY.host(), "runtime/busybox", "1.0");
        base = REGISTRY.host() + "/runtime/busybox:1.0";
    }

    private static byte[] weights() {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 9));
        }
        return bytes;
    }

    /** A small project: weights, a part, code, docs and a dataset. */
    private Path project(String name, String serveCode) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("Kitfile"), """
                manifestVersion: 1.0.0
                package:
                  name: tiny-classifier
                  version: 2.1.0
                  description: A tiny classifier for tests.
                  license: Apache-2.0
                  authors: [Ana Ruiz]
                model:
                  name: tiny
                  path: model/weights.bin
                  parts:
                    - name: adapter
                      path: adapters/lora.bin
                code:
                  - path: src
                docs:
                  - path: README.md
                datasets:
                  - name: eval
                    path: data/eval.csv
                """);
        Files.createDirectories(dir.resolve("model"));
        Files.write(dir.resolve("model/weights.bin"), WEIGHTS);
        Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(dir.resolve("adapters/lora.bin"), "lora adapter bytes");
        Files.createDirectories(dir.resolve("src/tiny"));
        Files.writeString(dir.resolve("src/serve.py"), serveCode);
        Files.writeString(dir.resolve("src/tiny/__init__.py"), "VERSION = '2.1.0'\n");
        Files.writeString(dir.resolve("README.md"), "# tiny\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/eval.csv"), "text,label\ngood,1\n");
        return dir;
    }

    private LayoutReference pack(String name, String serveCode) throws IOException {
        Path context = project(name, serveCode);
        Path layout = temp.resolve(name + "-kit");
        LayoutReference reference = LayoutReference.of(layout, "2.1.0");
        Packer.pack(PackRequest.builder(context).created(PACKED).target(reference).build(), LayoutStore.open(layout));
        return reference;
    }

    private Containerizer containerizer(CredentialProvider credentials) {
        Endpoints endpoints = new Endpoints(Map.of("MODELKIT_HOME", temp.resolve("home").toString()),
                reference -> RegistryClient.builder(reference.registry()).credentials(credentials).build());
        return new Containerizer(endpoints, credentials);
    }

    private ContainerizeResult build(LayoutReference kit, String target) {
        return containerizer(CredentialProvider.ANONYMOUS).containerize(request(kit, target).build());
    }

    private static ContainerizeRequest.Builder request(LayoutReference kit, String target) {
        return ContainerizeRequest.builder(kit, Reference.parse(base), ImageTarget.parse(target))
                .entrypoint(List.of("/bin/sh", "-c", "exec /models/src/serve.py"))
                .environment("MODEL_PATH=/models/model/weights.bin")
                .environment("WORKERS", "2")
                .port(8080)
                .port(9090);
    }

    private static String repo() {
        return REGISTRY.host() + "/serving/tiny-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void buildsARunnableImageInTheRegistry() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        String target = repo() + ":2.1.0";
        ContainerizeResult result = build(kit, target);

        JsonNode config = JSON.readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "--config", "docker://" + target));
        JsonNode container = config.get("config");
        assertThat(container.get("Entrypoint")).hasToString("[\"/bin/sh\",\"-c\",\"exec /models/src/serve.py\"]");
        assertThat(texts(container.get("Env"))).contains("PATH=/bin", "MODEL_PATH=/models/model/weights.bin", "WORKERS=2");
        assertThat(fieldNames(container.get("ExposedPorts"))).containsExactly("8080/tcp", "9090/tcp");
        JsonNode labels = container.get("Labels");
        Digest kitDigest = LayoutStore.open(kit.path()).resolve(kit).orElseThrow().digest();
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo("tiny-classifier");
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo("2.1.0");
        assertThat(labels.get("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
        assertThat(labels.get("org.opencontainers.image.authors").asText()).isEqualTo("Ana Ruiz");
        assertThat(labels.get("org.opencontainers.image.base.name").asText()).isEqualTo(base);
        assertThat(labels.get("org.opencontainers.image.base.digest").asText()).isEqualTo(result.baseDigest().toString());
        assertThat(labels.get("io.modelkit.modelkit.reference").asText()).isEqualTo(kit.toString());
        assertThat(labels.get("io.modelkit.modelkit.digest").asText()).isEqualTo(kitDigest.toString());
        assertThat(labels.get("org.example.base").asText()).isEqualTo("busybox");
        assertThat(labels.has("org.opencontainers.image.created")).isFalse();
        assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");

        JsonNode inspected = JSON.readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "docker://" + target));
        assertThat(inspected.get("Digest").asText()).isEqualTo(result.imageDigest().toString());
        assertThat(texts(inspected.get("Layers"))).containsExactlyElementsOf(
                result.layers().stream().map(layer -> layer.digest().toString()).toList());
        assertThat(Digest.sha256(Tools.run("skopeo", "inspect", "--tls-verify=false", "--raw", "--config",
                "docker://" + target).getBytes(StandardCharsets.UTF_8))).isEqualTo(result.configDigest());
        assertThat(result.modelKit()).isEqualTo(kitDigest);
        // one base layer, then model, part, code, docs and dataset layers, in the order of the ModelKit
        assertThat(result.layers()).hasSize(6);
        assertThat(result.addedLayers()).extracting(ContainerizeResult.AddedLayer::kind)
                .containsExactlyInAnyOrder(ContentKind.MODEL, ContentKind.PARTS, ContentKind.CODE, ContentKind.DOCS,
                        ContentKind.DATASETS);

        Path rootfs = unpack(target);
        assertThat(rootfs.resolve("models/model/weights.bin")).hasBinaryContent(WEIGHTS);
        assertThat(rootfs.resolve("models/adapters/lora.bin")).hasContent("lora adapter bytes");
        assertThat(rootfs.resolve("models/src/serve.py")).hasContent("print('serving')\n");
        assertThat(rootfs.resolve("models/src/tiny/__init__.py")).hasContent("VERSION = '2.1.0'\n");
        assertThat(rootfs.resolve("models/README.md")).hasContent("# tiny\n");
        assertThat(rootfs.resolve("models/data/eval.csv")).hasContent("text,label\ngood,1\n");
        assertThat(rootfs.resolve("models/Kitfile")).doesNotExist();
        assertThat(rootfs.resolve("bin/busybox")).hasSameBinaryContentAs(Path.of("/bin/busybox"));
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        // jib keeps the base layers in the ModelKit home, not in its per-user default
        try (var cached = Files.walk(temp.resolve("home").resolve(Containerizer.BASE_LAYERS_CACHE))) {
            assertThat(cached.filter(Files::isRegularFile)).isNotEmpty();
        }
    }

    @Test
    void theSameModelKitAndBaseGiveTheSameDigestAndAChangedCodeFileOnlyTheCodeLayer() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        String repository = repo();
        ContainerizeResult first = build(kit, repository + ":a");
        ContainerizeResult again = build(kit, repository + ":b");
        assertThat(again.imageDigest()).isEqualTo(first.imageDigest());
        assertThat(again.layers()).isEqualTo(first.layers());

        LayoutReference changed = pack("changed", "print('serving v2')\n");
        ContainerizeResult second = build(changed, repository + ":c");
        assertThat(second.imageDigest()).isNotEqualTo(first.imageDigest());
        for (int i = 0; i < first.addedLayers().size(); i++) {
            ContainerizeResult.AddedLayer before = first.addedLayers().get(i);
            ContainerizeResult.AddedLayer after = second.addedLayers().get(i);
            assertThat(after.kind()).isEqualTo(before.kind());
            if (before.kind() == ContentKind.CODE) {
                assertThat(after.imageLayer().digest()).isNotEqualTo(before.imageLayer().digest());
            } else {
                assertThat(after.imageLayer()).as(before.kind() + " layer").isEqualTo(before.imageLayer());
            }
        }
        assertThat(second.layers().get(0)).isEqualTo(first.layers().get(0));
    }

    @Test
    void writesTheSameImageToAnOciArchiveAndAnOciLayout() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        ContainerizeResult registry = build(kit, repo() + ":2.1.0");

        Path archive = temp.resolve("image.tar");
        ContainerizeResult tar = build(kit, "tar:" + archive);
        assertThat(tar.imageDigest()).isEqualTo(registry.imageDigest());
        assertThat(tar.imageReference()).isEqualTo("tar:" + archive);
        JsonNode fromArchive = JSON.readTree(Tools.run("skopeo", "inspect", "oci-archive:" + archive));
        assertThat(fromArchive.get("Digest").asText()).isEqualTo(registry.imageDigest().toString());
        assertThat(Files.list(temp).map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".image.tar"));

        Path layout = temp.resolve("images");
        ContainerizeResult oci = build(kit, "oci:" + layout + ":serve");
        assertThat(oci.imageDigest()).isEqualTo(registry.imageDigest());
        JsonNode fromLayout = JSON.readTree(Tools.run("skopeo", "inspect", "oci:" + layout + ":serve"));
        assertThat(fromLayout.get("Digest").asText()).isEqualTo(registry.imageDigest().toString());
        Path bundle = temp.resolve("layout-bundle");
        Tools.run("umoci", "unpack", "--rootless", "--image", layout + ":serve", bundle.toString());
        assertThat(bundle.resolve("rootfs/models/model/weights.bin")).hasBinaryContent(WEIGHTS);
    }

    @Test
    void addsOnlyTheIncludedKindsUnderTheModelDirectoryAndRecordsACreationTimeOnlyWhenAsked() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        String target = repo() + ":weights";
        Instant created = Instant.parse("2026-11-02T08:00:00Z");
        ContainerizeResult result = containerizer(CredentialProvider.ANONYMOUS).containerize(request(kit, target)
                .modelDir("/opt/ml/").include(Set.of(ContentKind.MODEL, ContentKind.CODE)).creationTime(created).build());
        assertThat(result.addedLayers()).extracting(ContainerizeResult.AddedLayer::kind)
                .containsExactly(ContentKind.MODEL, ContentKind.CODE);
        JsonNode config = JSON.readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "--config", "docker://" + target));
        assertThat(config.get("created").asText()).isEqualTo("2026-11-02T08:00:00Z");
        assertThat(config.get("config").get("Labels").get("org.opencontainers.image.created").asText())
                .isEqualTo("2026-11-02T08:00:00Z");
        Path rootfs = unpack(target);
        assertThat(rootfs.resolve("opt/ml/model/weights.bin")).hasBinaryContent(WEIGHTS);
        assertThat(rootfs.resolve("opt/ml/src/serve.py")).exists();
        assertThat(rootfs.resolve("opt/ml/README.md")).doesNotExist();
        assertThat(rootfs.resolve("opt/ml/adapters")).doesNotExist();
        assertThat(rootfs.resolve("models")).doesNotExist();
    }

    @Test
    void aMissingBaseImageIsOneLine() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        String missing = REGISTRY.host() + "/runtime/none:1.0";
        assertThatThrownBy(() -> containerizer(CredentialProvider.ANONYMOUS).containerize(
                ContainerizeRequest.builder(kit, Reference.parse(missing), ImageTarget.parse(repo() + ":x")).build()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("base image " + missing + " not found");
    }

    @Test
    void aBadTargetIsOneLine() {
        assertThatThrownBy(() -> ImageTarget.parse("tiny:1.0"))
                .hasMessage("bad target 'tiny:1.0': it names no registry (expected host[:port]/repository[:tag], oci:DIR[:tag] or tar:FILE)");
        assertThatThrownBy(() -> ImageTarget.parse("tar:"))
                .hasMessage("bad target 'tar:': the file name is missing (expected host[:port]/repository[:tag], oci:DIR[:tag] or tar:FILE)");
        assertThatThrownBy(() -> ImageTarget.parse("127.0.0.1:5000/a@sha256:" + "0".repeat(64)))
                .hasMessageStartingWith("bad target '127.0.0.1:5000/a@sha256:").hasMessageContaining("takes a tag, not a digest");
    }

    @Test
    void aTarTargetInAMissingDirectoryIsOneLine() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        Path file = temp.resolve("no/such/dir/image.tar");
        assertThatThrownBy(() -> build(kit, "tar:" + file))
                .hasMessage("bad target 'tar:" + file + "': the directory " + file.getParent() + " does not exist");
    }

    @Test
    void aModelKitLayerThatIsNotATarIsOneLine() throws Exception {
        LayoutReference kit = pack("kit", "print('serving')\n");
        Digest broken = replaceCodeLayer(kit, "this is not a tar archive\n".repeat(40));
        assertThatThrownBy(() -> build(kit, repo() + ":broken"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("ModelKit oci:" + kit.path() + "@sha256:")
                .hasMessageContaining("layer 'src' (" + broken + ") is not a readable tar archive: malformed tar archive")
                .hasMessageNotContaining("\n");
    }

    /** Replaces the code layer's blob (an uncompressed tar) with text, rewriting the config and manifest to match. */
    private static Digest replaceCodeLayer(LayoutReference kit, String text) throws IOException {
        LayoutStore store = LayoutStore.open(kit.path());
        OciLayout layout = store.layout();
        Manifest manifest = layout.readManifest(store.resolve(kit).orElseThrow().digest());
        Descriptor code = manifest.layers().stream().filter(layer -> layer.mediaType().contains(".code.")).findFirst().orElseThrow();
        assertThat(code.mediaType()).endsWith(".tar");
        byte[] blob = text.getBytes(StandardCharsets.UTF_8);
        Digest digest = layout.putBlob(blob).digest();
        byte[] oldConfig = layout.readBlob(manifest.config().digest());
        byte[] newConfig = new String(oldConfig, StandardCharsets.UTF_8).replace(code.digest().hex(), digest.hex())
                .getBytes(StandardCharsets.UTF_8);
        Digest configDigest = layout.putBlob(newConfig).digest();
        String manifestText = new String(manifest.bytes(), StandardCharsets.UTF_8)
                .replace("\"digest\":\"" + code.digest() + "\",\"size\":" + code.size(), "\"digest\":\"" + digest + "\",\"size\":" + blob.length)
                .replace("\"digest\":\"" + manifest.config().digest() + "\",\"size\":" + manifest.config().size(),
                        "\"digest\":\"" + configDigest + "\",\"size\":" + newConfig.length);
        assertThat(manifestText).contains(digest.toString()).contains(configDigest.toString());
        store.save(manifestText.getBytes(StandardCharsets.UTF_8), io.modelkit.core.oci.MediaTypes.OCI_MANIFEST, List.of(kit));
        return digest;
    }

    /** Copies the image to an OCI layout with skopeo and unpacks it with umoci; returns the root filesystem. */
    private Path unpack(String target) throws Exception {
        Path layout = temp.resolve("copy-" + UUID.randomUUID());
        Tools.run("skopeo", "copy", "--src-tls-verify=false", "docker://" + target, "oci:" + layout + ":image");
        Path bundle = temp.resolve("bundle-" + UUID.randomUUID());
        Tools.run("umoci", "unpack", "--rootless", "--image", layout + ":image", bundle.toString());
        return bundle.resolve("rootfs");
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
