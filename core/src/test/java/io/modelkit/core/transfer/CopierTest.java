package io.modelkit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.FaultProxy;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.StoredBlob;
import io.modelkit.core.oci.LayoutReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The copy engine between a layout and a real registry, and between two repositories of it. */
class CopierTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @RegisterExtension
    static final LocalRegistry OTHER = new LocalRegistry();

    @TempDir
    Path temp;

    private final Copier copier = new Copier(4, ProgressListener.NONE);

    @Test
    void shouldPushPullAndMountWithoutCopyingTwice() {
        LayoutStore source = LayoutStore.open(temp.resolve("source"));
        StoredBlob config = source.layout().putBlob("{}".getBytes(StandardCharsets.UTF_8));
        StoredBlob layer = source.layout().putBlob("weights".repeat(1000).getBytes(StandardCharsets.UTF_8));
        Manifest manifest = Manifest.builder()
                .artifactType("application/vnd.kitops.modelkit.manifest.v1+json")
                .config(config.descriptor("application/vnd.kitops.modelkit.config.v1+json"))
                .layers(List.of(layer.descriptor("application/vnd.kitops.modelkit.model.v1.tar")))
                .build();
        LayoutReference local = LayoutReference.of(temp.resolve("source"), "v1");
        source.save(manifest, List.of(local));
        RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
        Reference dev = Reference.parse(REGISTRY.host() + "/dev/model:1.0");
        Reference prod = Reference.parse(REGISTRY.host() + "/prod/model:1.0");

        CopyResult push = copier.copy(new StoreEndpoint(source, local), new RegistryEndpoint(client, dev));
        assertThat(push.blobsCopied()).isEqualTo(2);
        assertThat(push.manifest().digest()).isEqualTo(manifest.digest());

        CopyResult promote = copier.copy(new RegistryEndpoint(client, dev), new RegistryEndpoint(client, prod));
        assertThat(promote.blobsMounted()).as("same registry: blobs are mounted, not copied").isEqualTo(2);
        assertThat(promote.bytesCopied()).isZero();
        assertThat(client.getManifest("prod/model", "1.0").bytes()).isEqualTo(manifest.bytes());

        LayoutStore target = LayoutStore.open(temp.resolve("target"));
        LayoutReference pulled = LayoutReference.of(temp.resolve("target"), "pulled");
        CopyResult pull = copier.copy(new RegistryEndpoint(client, prod), new StoreEndpoint(target, pulled));
        assertThat(pull.blobsCopied()).isEqualTo(2);
        Descriptor stored = target.resolve(pulled).orElseThrow();
        assertThat(stored.digest()).isEqualTo(manifest.digest());
        assertThat(target.layout().readBlob(layer.digest())).isEqualTo(source.layout().readBlob(layer.digest()));
    }

    @Test
    void shouldReportOneOverallTaskBesidesEachBlob() {
        LayoutStore source = LayoutStore.open(temp.resolve("source"));
        StoredBlob config = source.layout().putBlob("{}".getBytes(StandardCharsets.UTF_8));
        StoredBlob layer = source.layout().putBlob("weights".getBytes(StandardCharsets.UTF_8));
        Manifest manifest = Manifest.builder().config(config.descriptor("application/vnd.kitops.modelkit.config.v1+json"))
                .layers(List.of(layer.descriptor("application/vnd.kitops.modelkit.model.v1.tar"))).build();
        LayoutReference from = LayoutReference.of(temp.resolve("source"), "v1");
        source.save(manifest, List.of(from));
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void started(String task, long totalBytes) {
                events.add("start " + task + " " + totalBytes);
            }

            @Override
            public void finished(String task) {
                events.add("end " + task);
            }
        };
        LayoutReference to = LayoutReference.of(temp.resolve("target"), "v1");
        new Copier(2, recorder).copy(new StoreEndpoint(source, from), new StoreEndpoint(LayoutStore.open(temp.resolve("target")), to));

        String overall = from + " -> " + to;
        assertThat(events.get(0)).isEqualTo("start " + overall + " " + (config.size() + layer.size()));
        assertThat(events).contains("end " + overall).filteredOn(e -> e.startsWith("start blob ")).hasSize(2);
    }

    @Test
    void shouldSendEachBlobInOnePutBetweenRegistriesAndInChunksFromAFile() throws Exception {
        LayoutStore source = LayoutStore.open(temp.resolve("chunks"));
        StoredBlob config = source.layout().putBlob("{}".getBytes(StandardCharsets.UTF_8));
        StoredBlob layer = source.layout().putBlob("weights".repeat(3000).getBytes(StandardCharsets.UTF_8));
        Manifest manifest = Manifest.builder()
                .artifactType("application/vnd.kitops.modelkit.manifest.v1+json")
                .config(config.descriptor("application/vnd.kitops.modelkit.config.v1+json"))
                .layers(List.of(layer.descriptor("application/vnd.kitops.modelkit.model.v1.tar")))
                .build();
        LayoutReference local = LayoutReference.of(temp.resolve("chunks"), "v1");
        source.save(manifest, List.of(local));
        int otherPort = Integer.parseInt(OTHER.host().substring(OTHER.host().lastIndexOf(':') + 1));
        try (FaultProxy proxy = new FaultProxy(otherPort)) {
            // 4 KiB chunks: a 21,000-byte layer takes six PATCHes when it may be chunked
            RegistryClient target = RegistryClient.builder(proxy.host()).plainHttp(true).chunkSize(4096).build();
            RegistryClient dev = RegistryClient.builder(REGISTRY.host()).build();
            copier.copy(new StoreEndpoint(source, local), new RegistryEndpoint(dev, Reference.parse(REGISTRY.host() + "/dev/chunks:1")));

            copier.copy(new RegistryEndpoint(dev, Reference.parse(REGISTRY.host() + "/dev/chunks:1")),
                    new RegistryEndpoint(target, Reference.parse(proxy.host() + "/prod/chunks:1")));

            assertThat(proxy.requests()).filteredOn(request -> request.startsWith("PATCH")).isEmpty();
            assertThat(proxy.requests()).filteredOn(request -> request.startsWith("PUT /v2/prod/chunks/blobs/uploads/")).hasSize(2);
            assertThat(target.getManifest("prod/chunks", "1").bytes()).isEqualTo(manifest.bytes());

            proxy.reset();
            copier.copy(new StoreEndpoint(source, local), new RegistryEndpoint(target, Reference.parse(proxy.host() + "/file/chunks:1")));

            assertThat(proxy.requests()).as("from a file: resumable chunks")
                    .filteredOn(request -> request.startsWith("PATCH /v2/file/chunks/blobs/uploads/")).hasSize(6);

            // a proxy that caps request bodies answers the one PUT with 413: the blob goes again in chunks
            proxy.reset();
            proxy.limitBodies(8192);
            copier.copy(new RegistryEndpoint(dev, Reference.parse(REGISTRY.host() + "/dev/chunks:1")),
                    new RegistryEndpoint(target, Reference.parse(proxy.host() + "/capped/chunks:1")));

            assertThat(proxy.requests()).filteredOn(request -> request.startsWith("PATCH /v2/capped/chunks/blobs/uploads/"))
                    .hasSize(6);
            assertThat(target.getManifest("capped/chunks", "1").bytes()).isEqualTo(manifest.bytes());
        }
    }
}
