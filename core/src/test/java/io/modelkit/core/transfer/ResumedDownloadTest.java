package io.modelkit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.FaultProxy;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RetryPolicy;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls whose connection drops: within one pull the download goes on with a Range request, and a
 * pull that gave up leaves its bytes in the store's ingest area for the next one to continue.
 */
class ResumedDownloadTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private FaultProxy proxy;
    private final byte[] config = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private byte[] weights;
    private Manifest manifest;
    private Reference remote;

    @BeforeEach
    void pushAModelKit() throws IOException {
        proxy = new FaultProxy(Integer.parseInt(REGISTRY.host().substring(REGISTRY.host().lastIndexOf(':') + 1)));
        weights = new byte[4 * MIB + 17];
        new Random(11).nextBytes(weights);
        RegistryClient direct = RegistryClient.builder(REGISTRY.host()).build();
        String repository = "resume/model-" + System.nanoTime();
        direct.pushBlob(repository, Digest.sha256(config), config.length, offset -> new ByteArrayInputStream(config));
        direct.pushBlob(repository, Digest.sha256(weights), weights.length,
                offset -> new ByteArrayInputStream(weights, (int) offset, weights.length - (int) offset));
        manifest = Manifest.builder()
                .artifactType("application/vnd.kitops.modelkit.manifest.v1+json")
                .config(new Descriptor("application/vnd.kitops.modelkit.config.v1+json", Digest.sha256(config), config.length))
                .layers(List.of(new Descriptor("application/vnd.kitops.modelkit.model.v1.tar", Digest.sha256(weights), weights.length)))
                .build();
        direct.putManifest(repository, "1.0", manifest.bytes(), "application/vnd.oci.image.manifest.v1+json");
        remote = Reference.parse(proxy.host() + "/" + repository + ":1.0");
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    /** A store that holds the config already: the proxy's one cut must hit the weights. */
    private LayoutStore storeWithConfig() {
        LayoutStore store = LayoutStore.open(temp.resolve("store"));
        store.layout().putBlob(config);
        return store;
    }

    private RegistryClient throughProxy(RetryPolicy retries) {
        return RegistryClient.builder(proxy.host()).plainHttp(true).retryPolicy(retries)
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    private List<String> rangedGets() {
        return proxy.requests().stream().filter(line -> line.startsWith("GET ") && line.contains("Range: ")).toList();
    }

    private static List<Path> ingestFiles(Path layout) throws IOException {
        Path ingest = layout.resolve("ingest");
        if (!Files.isDirectory(ingest)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ingest)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void shouldContinueADroppedDownloadWithARangeRequest() throws IOException {
        LayoutStore store = storeWithConfig();
        LayoutReference pulled = LayoutReference.of(temp.resolve("store"), "v1");
        proxy.cutNextDownloadAfter(MIB + 123);
        AtomicLong progressed = new AtomicLong();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void advanced(String task, long bytes) {
                if (task.startsWith("blob " + Digest.sha256(weights).hex().substring(0, 12))) {
                    progressed.addAndGet(bytes);
                }
            }
        };

        new Copier(1, counting).copy(new RegistryEndpoint(throughProxy(RetryPolicy.standard()), remote),
                new StoreEndpoint(store, pulled));

        assertThat(proxy.cuts()).isPositive();
        assertThat(rangedGets()).singleElement().asString().matches(".* Range: bytes=[1-9][0-9]*-$");
        assertThat(store.layout().readBlob(Digest.sha256(weights))).isEqualTo(weights);
        assertThat(store.resolve(pulled).orElseThrow().digest()).isEqualTo(manifest.digest());
        assertThat(progressed.get()).as("no byte counted twice").isEqualTo(weights.length);
        assertThat(ingestFiles(temp.resolve("store"))).isEmpty();
    }

    @Test
    void shouldContinueWhereAnEarlierPullGaveUp() throws IOException {
        LayoutStore store = storeWithConfig();
        LayoutReference pulled = LayoutReference.of(temp.resolve("store"), "v1");
        proxy.cutNextDownloadAfter(2 * MIB);
        ProgressListener failOnceStarted = new ProgressListener() {
            private boolean armed;

            @Override
            public synchronized void advanced(String task, long bytes) {
                if (!armed && task.startsWith("blob " + Digest.sha256(weights).hex().substring(0, 12))) {
                    armed = true;
                    proxy.failNext(20); // once the weights flow, every attempt to go on fails: the pull gives up
                }
            }
        };

        assertThatThrownBy(() -> new Copier(1, failOnceStarted).copy(
                new RegistryEndpoint(throughProxy(RetryPolicy.none()), remote), new StoreEndpoint(store, pulled)))
                .hasMessageContaining(remote.repository());
        proxy.reset();
        List<Path> partial = ingestFiles(temp.resolve("store"));
        assertThat(partial).singleElement().satisfies(file ->
                assertThat(file.getFileName().toString()).isEqualTo("partial-sha256-" + Digest.sha256(weights).hex() + ".tmp"));
        // the proxy cut after 2 MiB; the JDK client may drop the last bytes it held when the connection broke
        long kept = Files.size(partial.get(0));
        assertThat(kept).isPositive().isLessThanOrEqualTo(2L * MIB);
        assertThat(store.layout().hasBlob(Digest.sha256(weights))).isFalse();

        new Copier(1, ProgressListener.NONE).copy(new RegistryEndpoint(throughProxy(RetryPolicy.standard()), remote),
                new StoreEndpoint(store, pulled));

        assertThat(rangedGets()).containsExactly("GET /v2/" + remote.repository() + "/blobs/" + Digest.sha256(weights)
                + " Range: bytes=" + kept + "-");
        assertThat(store.layout().readBlob(Digest.sha256(weights))).isEqualTo(weights);
        assertThat(ingestFiles(temp.resolve("store"))).isEmpty();
    }

    @Test
    void shouldDropAPartialDownloadWhoseBytesAreWrong() throws IOException {
        LayoutStore store = LayoutStore.open(temp.resolve("store"));
        Path partial = temp.resolve("store/ingest/partial-sha256-" + Digest.sha256(weights).hex() + ".tmp");
        Files.createDirectories(partial.getParent());
        byte[] wrong = java.util.Arrays.copyOf(weights, MIB);
        wrong[10] ^= 1;
        Files.write(partial, wrong);
        LayoutReference pulled = LayoutReference.of(temp.resolve("store"), "v1");

        assertThatThrownBy(() -> new Copier(1, ProgressListener.NONE).copy(
                new RegistryEndpoint(throughProxy(RetryPolicy.standard()), remote), new StoreEndpoint(store, pulled)))
                .hasMessageContaining("does not match its digest");
        assertThat(partial).doesNotExist();

        new Copier(1, ProgressListener.NONE).copy(new RegistryEndpoint(throughProxy(RetryPolicy.standard()), remote),
                new StoreEndpoint(store, pulled));
        assertThat(store.layout().readBlob(Digest.sha256(weights))).isEqualTo(weights);
    }

    @Test
    void shouldStoreABlobWhenAnotherWriterHoldsItsPartialFile() throws IOException {
        LayoutStore store = LayoutStore.open(temp.resolve("store"));
        try (var first = store.layout().openResumableBlobWriter(Digest.sha256(weights))) {
            first.write(weights, 0, MIB);
            try (var second = store.layout().openResumableBlobWriter(Digest.sha256(weights))) {
                assertThat(second.size()).as("a fresh writer, not the one in use").isZero();
                second.write(weights);
                StoredBlob stored = second.commit();
                assertThat(stored.digest()).isEqualTo(Digest.sha256(weights));
            }
        }
        assertThat(store.layout().readBlob(Digest.sha256(weights))).isEqualTo(weights);
    }
}
