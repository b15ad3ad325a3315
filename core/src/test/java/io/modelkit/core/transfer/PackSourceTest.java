package io.modelkit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.Compression;
import io.modelkit.core.pack.PackPlan;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.PackResult;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.registry.FaultProxy;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RetryPolicy;
import io.modelkit.core.registry.UploadMode;
import io.modelkit.core.store.LayoutStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code pack --push-only}: a pack sent to a real registry without a copy on disk. */
class PackSourceTest {
    private static final int MIB = 1024 * 1024;
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private Path project(long modelBytes) throws IOException {
        Path dir = temp.resolve("project");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("Kitfile"), """
                manifestVersion: "1.0"
                package:
                  name: push-only
                model:
                  name: weights
                  path: model.bin
                datasets:
                  - name: train
                    path: data
                """);
        byte[] weights = new byte[(int) modelBytes];
        new Random(7).nextBytes(weights);
        Files.write(dir.resolve("model.bin"), weights);
        Files.writeString(dir.resolve("data/train.csv"), "text,label\ngood,1\nbad,0\n");
        return dir;
    }

    private static PackRequest request(Path dir, Compression compression) {
        return PackRequest.builder(dir).created(CREATED).compression(compression).build();
    }

    @Test
    void shouldSendTheSameBytesAPackWouldStoreAndNothingTwice() throws IOException {
        Path dir = project(3 * MIB);
        LayoutStore layout = LayoutStore.open(temp.resolve("layout"));
        LayoutReference stored = LayoutReference.of(temp.resolve("layout"), "v1");
        PackResult packed = Packer.pack(PackRequest.builder(dir).created(CREATED).target(stored).build(), layout);
        RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
        Reference target = Reference.parse(REGISTRY.host() + "/team/push-only:1.0");

        PackPlan plan = Packer.plan(request(dir, Compression.NONE));
        CopyResult first = new Copier(4, ProgressListener.NONE).copy(new PackSource(plan), new RegistryEndpoint(client, target));

        assertThat(plan.manifest().bytes()).isEqualTo(packed.manifest().bytes());
        assertThat(first.manifest().digest()).isEqualTo(packed.descriptor().digest());
        assertThat(first.blobsCopied()).isEqualTo(3);
        assertThat(client.getManifest("team/push-only", "1.0").bytes()).isEqualTo(packed.manifest().bytes());
        for (Descriptor layer : packed.manifest().layers()) {
            try (InputStream in = client.getBlob("team/push-only", layer.digest(), 0)) {
                assertThat(in.readAllBytes()).isEqualTo(layout.layout().readBlob(layer.digest()));
            }
        }

        CopyResult again = new Copier(4, ProgressListener.NONE)
                .copy(new PackSource(Packer.plan(request(dir, Compression.NONE))), new RegistryEndpoint(client, target));
        assertThat(again.blobsCopied()).isZero();
        assertThat(again.bytesCopied()).isZero();
    }

    @Test
    void shouldKeepNothingOnDisk() throws IOException {
        Path dir = project(MIB);
        long filesBefore;
        try (Stream<Path> files = Files.walk(temp)) {
            filesBefore = files.count();
        }
        PackPlan plan = Packer.plan(request(dir, Compression.ZSTD));
        new Copier(2, ProgressListener.NONE).copy(new PackSource(plan),
                new RegistryEndpoint(RegistryClient.builder(REGISTRY.host()).build(),
                        Reference.parse(REGISTRY.host() + "/team/zstd:1.0")));
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.count()).isEqualTo(filesBefore);
        }
    }

    @Test
    void shouldProduceALayerFromAnyOffset() throws IOException {
        Path dir = project(2 * MIB + 123);
        PackPlan plan = Packer.plan(request(dir, Compression.GZIP));
        Descriptor model = plan.manifest().layers().get(0);
        byte[] whole;
        try (InputStream in = new PackSource(plan).openBlob(model, 0)) {
            whole = in.readAllBytes();
        }
        assertThat(Digest.sha256(whole)).isEqualTo(model.digest());
        assertThat(whole).hasSize((int) model.size());
        try (InputStream in = new PackSource(plan).openBlob(model, 1000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));
        }
    }

    @Test
    void shouldRefuseToSendAFileChangedSincePlanning() throws IOException {
        Path dir = project(MIB);
        PackPlan plan = Packer.plan(request(dir, Compression.NONE));
        byte[] changed = Files.readAllBytes(dir.resolve("model.bin"));
        changed[500] ^= 1;
        Files.write(dir.resolve("model.bin"), changed);
        Descriptor model = plan.manifest().layers().get(0);

        assertThatThrownBy(() -> {
            // an upload reads exactly the size the manifest gives, and must still hear of the change
            try (InputStream in = new PackSource(plan).openBlob(model, 0)) {
                in.readNBytes((int) model.size());
            }
        }).isInstanceOf(IOException.class)
                .hasMessageContaining("model model.bin changed since it was packed")
                .hasMessageContaining(model.digest().toString());
    }

    @Test
    void shouldNameABlobThePackDoesNotHave() {
        assertThatThrownBy(() -> Packer.plan(request(project(10), Compression.NONE))
                .openBlob(new Descriptor("application/octet-stream", Digest.sha256(new byte[1]), 1)))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("has no blob " + Digest.sha256(new byte[1]));
    }

    @Test
    void shouldSendAChunkedLayerFromOneRebuildAndLeaveNoThreadBehind() throws Exception {
        Path dir = project(5 * MIB + 7);
        PackPlan plan = Packer.plan(request(dir, Compression.NONE));
        RegistryClient client = RegistryClient.builder(REGISTRY.host()).uploadMode(UploadMode.CHUNKED).chunkSize(MIB).build();

        try (PackSource source = new PackSource(plan)) {
            new Copier(2, ProgressListener.NONE).copy(source,
                    new RegistryEndpoint(client, Reference.parse(REGISTRY.host() + "/team/chunked:1")));
        }

        Descriptor model = plan.manifest().layers().get(0);
        try (InputStream in = client.getBlob("team/chunked", model.digest(), 0)) {
            assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(model.digest());
        }
        Thread.sleep(300); // a stopped producer needs a moment to notice
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("modelkit-rebuild"));
    }

    @Test
    void shouldContinueTheSameStreamForTheNextChunk() throws IOException {
        Path dir = project(3 * MIB);
        PackPlan plan = Packer.plan(request(dir, Compression.GZIP));
        Descriptor model = plan.manifest().layers().get(0);
        byte[] whole;
        try (InputStream in = plan.openBlob(model)) {
            whole = in.readAllBytes();
        }
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        try (PackSource source = new PackSource(plan)) {
            long offset = 0;
            while (offset < model.size()) {
                try (InputStream chunk = source.openBlob(model, offset)) {
                    byte[] part = chunk.readNBytes((int) Math.min(MIB / 3, model.size() - offset));
                    chunks.write(part);
                    offset += part.length;
                }
            }
        }
        assertThat(chunks.toByteArray()).isEqualTo(whole);
    }

    @Test
    void shouldFinishWhenTheConnectionDropsMidLayer() throws IOException {
        Path dir = project(4 * MIB);
        int port = Integer.parseInt(REGISTRY.host().substring(REGISTRY.host().lastIndexOf(':') + 1));
        try (FaultProxy proxy = new FaultProxy(port)) {
            RegistryClient client = RegistryClient.builder(proxy.host()).plainHttp(true)
                    .uploadMode(UploadMode.CHUNKED).chunkSize(MIB)
                    .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(5)))
                    .requestTimeout(Duration.ofSeconds(20)).build();
            PackPlan plan = Packer.plan(request(dir, Compression.NONE));
            Descriptor model = plan.manifest().layers().get(0);
            proxy.cutNextUploadAfter(MIB / 2);

            new Copier(1, ProgressListener.NONE).copy(new PackSource(plan),
                    new RegistryEndpoint(client, Reference.parse(proxy.host() + "/team/cut:1.0")));

            assertThat(proxy.cuts()).isPositive();
            try (InputStream in = RegistryClient.builder(REGISTRY.host()).build().getBlob("team/cut", model.digest(), 0)) {
                assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(model.digest());
            }
        }
    }
}
