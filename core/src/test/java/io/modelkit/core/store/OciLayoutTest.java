package io.modelkit.core.store;

import static io.modelkit.core.store.TestKits.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
    @TempDir
    Path temp;

    @Test
    void shouldCreateAStandardLayout() throws IOException {
        Path dir = temp.resolve("new/layout");

        OciLayout layout = OciLayout.open(dir);

        assertThat(Files.readString(dir.resolve("oci-layout"))).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(Files.readString(dir.resolve("index.json")))
                .isEqualTo("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
        assertThat(dir.resolve("blobs/sha256")).isDirectory();
        assertThat(layout.entries()).isEmpty();
        assertThat(OciLayout.openExisting(dir).root()).isEqualTo(layout.root());
    }

    @Test
    void shouldRefuseToTurnAnOrdinaryDirectoryIntoALayout() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> OciLayout.open(temp)).isInstanceOf(ModelKitException.class)
                .hasMessage(temp + " is not an OCI image layout (no oci-layout file) and is not empty");
        assertThatThrownBy(() -> OciLayout.openExisting(temp.resolve("missing")))
                .hasMessage(temp.resolve("missing") + " is not an OCI image layout: no oci-layout file");
        assertThat(temp.resolve("blobs")).doesNotExist();
    }

    @Test
    void shouldCommitBlobAtomicallyUnderItsDigest() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        byte[] content = bytes("layer bytes");

        StoredBlob blob;
        try (BlobWriter writer = layout.openBlobWriter()) {
            writer.write(content, 0, 5);
            assertThat(writer.tempFile()).startsWith(temp.toRealPath().resolve("ingest"));
            assertThat(blobFiles(layout)).isEmpty();
            writer.write(content, 5, content.length - 5);
            blob = writer.commit();
        }

        assertThat(blob).isEqualTo(new StoredBlob(Digest.sha256(content), content.length));
        assertThat(layout.blobPath(blob.digest())).hasBinaryContent(content)
                .isEqualTo(temp.toRealPath().resolve("blobs/sha256/" + blob.digest().hex()));
        assertThat(layout.hasBlob(blob.digest())).isTrue();
        assertThat(layout.blobSize(blob.digest())).isEqualTo(content.length);
        assertThat(layout.readBlob(blob.digest())).isEqualTo(content);
        assertThat(tempFiles(layout)).isEmpty();
    }

    @Test
    void shouldLeaveNothingWhenClosedWithoutCommit() throws IOException {
        OciLayout layout = OciLayout.open(temp);

        try (BlobWriter writer = layout.openBlobWriter()) {
            writer.write(bytes("interrupted"));
        }

        assertThat(blobFiles(layout)).isEmpty();
        assertThat(tempFiles(layout)).isEmpty();
        assertThat(layout.entries()).isEmpty();
    }

    @Test
    void shouldStoreNothingOnDigestMismatch() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Digest expected = Digest.sha256(bytes("what the manifest promised"));

        BlobWriter writer = layout.openBlobWriter(expected);
        writer.write(bytes("what arrived"));

        assertThatThrownBy(writer::commit).isInstanceOf(ModelKitException.class)
                .hasMessage("blob written to " + layout.root() + " does not match its digest: expected " + expected + ", got "
                        + Digest.sha256(bytes("what arrived")) + " (12 bytes); nothing was stored");
        writer.close();
        assertThat(blobFiles(layout)).isEmpty();
        assertThat(tempFiles(layout)).isEmpty();
    }

    @Test
    void shouldKeepAnExistingBlob() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        StoredBlob first = layout.putBlob(bytes("same"));
        Path path = layout.blobPath(first.digest());
        Files.setLastModifiedTime(path, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Object fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();

        StoredBlob second;
        try (BlobWriter writer = layout.openBlobWriter(first.digest())) {
            writer.write(bytes("same"));
            second = writer.commit();
        }

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAttributes(path, BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
        assertThat(Files.getLastModifiedTime(path).toInstant()).isAfter(Instant.now().minusSeconds(60));
        assertThat(tempFiles(layout)).isEmpty();
    }

    @Test
    void shouldFailWhenReadContentDoesNotMatchItsDigest() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        StoredBlob blob = layout.putBlob(bytes("original"));
        Files.writeString(layout.blobPath(blob.digest()), "tampered");

        assertThatThrownBy(() -> layout.readBlob(blob.digest())).isInstanceOf(ModelKitException.class)
                .hasMessageContaining("digest mismatch: expected " + blob.digest());
        assertThatThrownBy(() -> layout.openBlob(Digest.sha256(bytes("absent"))))
                .hasMessage("blob " + Digest.sha256(bytes("absent")) + " not found in OCI layout " + layout.root());
    }

    @Test
    void shouldIndexManifestUnderRefNames() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Manifest manifest = TestKits.writeBlobs(layout, "a");

        Descriptor descriptor = layout.putManifest(manifest, List.of("v1", "latest"));

        assertThat(descriptor).isEqualTo(new Descriptor(MediaTypes.OCI_MANIFEST, manifest.digest(), manifest.size())
                .withArtifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE));
        assertThat(layout.readBlob(manifest.digest())).isEqualTo(manifest.bytes());
        assertThat(layout.resolve("v1")).contains(descriptor);
        assertThat(layout.resolve("latest")).contains(descriptor);
        assertThat(layout.resolve(manifest.digest())).contains(descriptor);
        assertThat(layout.resolve("other")).isEmpty();
        assertThat(layout.entries()).containsExactly(IndexEntry.named("v1", descriptor), IndexEntry.named("latest", descriptor));
        String mediaAndDigest = "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifest.digest()
                + "\",\"size\":" + manifest.size();
        assertThat(Files.readString(temp.resolve("index.json"))).isEqualTo("{\"schemaVersion\":2,"
                + "\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{" + mediaAndDigest + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"},"
                + "\"artifactType\":\"application/vnd.kitops.modelkit.manifest.v1+json\"},"
                + "{" + mediaAndDigest + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"},"
                + "\"artifactType\":\"application/vnd.kitops.modelkit.manifest.v1+json\"}]}");
    }

    @Test
    void shouldMoveARefNameAndKeepTheOldManifestUntagged() {
        OciLayout layout = OciLayout.open(temp);
        Descriptor first = layout.putManifest(TestKits.writeBlobs(layout, "first"), List.of("latest"));
        Descriptor second = layout.putManifest(TestKits.writeBlobs(layout, "second"), List.of("latest"));

        assertThat(layout.resolve("latest")).contains(second);
        assertThat(layout.entries()).containsExactly(IndexEntry.named("latest", second), IndexEntry.untagged(first));

        layout.tag(first, "latest");
        assertThat(layout.entries()).containsExactly(IndexEntry.named("latest", first), IndexEntry.untagged(second));
    }

    @Test
    void shouldKeepUntaggedManifestOnceAndDropItWhenTagged() {
        OciLayout layout = OciLayout.open(temp);
        Manifest manifest = TestKits.writeBlobs(layout, "a");

        Descriptor untagged = layout.putManifest(manifest, List.of());
        layout.putManifest(manifest, List.of());
        assertThat(layout.entries()).containsExactly(IndexEntry.untagged(untagged));

        layout.tag(untagged, "v1");
        assertThat(layout.entries()).containsExactly(IndexEntry.named("v1", untagged));
    }

    @Test
    void shouldUntagAndRemove() {
        OciLayout layout = OciLayout.open(temp);
        Descriptor kit = layout.putManifest(TestKits.writeBlobs(layout, "a"), List.of("v1", "v2"));

        assertThat(layout.untag("v1")).isTrue();
        assertThat(layout.untag("v1")).isFalse();
        assertThat(layout.entries()).containsExactly(IndexEntry.named("v2", kit));
        assertThat(layout.untag("v2")).isTrue();
        assertThat(layout.entries()).containsExactly(IndexEntry.untagged(kit));
        assertThat(layout.removeManifest(kit.digest())).isTrue();
        assertThat(layout.entries()).isEmpty();
        assertThat(layout.hasBlob(kit.digest())).isTrue();
    }

    @Test
    void shouldRefuseAManifestWhoseBlobsAreMissing() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Manifest manifest = TestKits.writeBlobs(layout, "a");
        Descriptor layer = manifest.layers().get(0);
        Files.delete(layout.blobPath(layer.digest()));

        assertThatThrownBy(() -> layout.putManifest(manifest, List.of("v1"))).isInstanceOf(ModelKitException.class)
                .hasMessage("manifest " + manifest.digest() + " refers to blobs that OCI layout " + layout.root()
                        + " does not hold: {" + layer.digest() + "=missing}");
        assertThat(layout.hasBlob(manifest.digest())).isFalse();
        assertThat(layout.entries()).isEmpty();
        assertThatThrownBy(() -> layout.tag(manifest.descriptor(), "v1"))
                .hasMessage("cannot tag v1: manifest " + manifest.digest() + " is not in OCI layout " + layout.root());
    }

    @Test
    void shouldStoreAnIndexAndReadItsMediaTypeFromTheBytes() {
        OciLayout layout = OciLayout.open(temp);
        Descriptor kit = layout.putManifest(TestKits.writeBlobs(layout, "a"), List.of());
        byte[] index = ImageIndex.of(List.of(kit)).toBytes();

        Descriptor stored = layout.putManifest(index, null, List.of("bundle"));

        assertThat(stored.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(layout.resolve("bundle")).contains(stored);
        assertThatThrownBy(() -> layout.putManifest(index, MediaTypes.OCI_MANIFEST, List.of()))
                .hasMessage("manifest " + Digest.sha256(index) + " declares mediaType " + MediaTypes.OCI_INDEX
                        + " but is stored as " + MediaTypes.OCI_MANIFEST);
    }

    @Test
    void shouldCollectOnlyUnreferencedBlobs() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Manifest kept = TestKits.writeBlobs(layout, "kept");
        Manifest dropped = TestKits.writeBlobs(layout, "dropped");
        layout.putManifest(kept, List.of("kept"));
        layout.putManifest(dropped, List.of("dropped"));
        StoredBlob stray = layout.putBlob(bytes("never referenced"));
        layout.removeManifest(dropped.digest());

        GcReport report = layout.gc(Duration.ZERO);

        assertThat(report.deletedBlobs()).containsExactlyInAnyOrder(dropped.digest(), dropped.config().digest(),
                dropped.layers().get(0).digest(), stray.digest());
        assertThat(report.freedBytes()).isEqualTo(dropped.size() + dropped.config().size() + dropped.layers().get(0).size()
                + stray.size());
        Descriptor shared = kept.layers().get(1);
        assertThat(shared).isEqualTo(dropped.layers().get(1).withAnnotations(shared.annotations()));
        assertThat(layout.hasBlob(shared.digest())).isTrue();
        assertThat(blobFiles(layout)).containsExactlyInAnyOrder(kept.digest().hex(), kept.config().digest().hex(),
                kept.layers().get(0).digest().hex(), shared.digest().hex());
        assertThat(layout.readManifest(kept.digest())).isEqualTo(kept);
    }

    @Test
    void shouldKeepYoungBlobsAndKeepWhatIndexesReference() {
        OciLayout layout = OciLayout.open(temp);
        Manifest child = TestKits.writeBlobs(layout, "child");
        Descriptor childDescriptor = layout.putManifest(child, List.of());
        layout.putManifest(ImageIndex.of(List.of(childDescriptor)).toBytes(), MediaTypes.OCI_INDEX, List.of("bundle"));
        layout.removeManifest(childDescriptor.digest());
        StoredBlob young = layout.putBlob(bytes("committed by a pack that has not written its manifest yet"));

        GcReport report = layout.gc();

        assertThat(report.deletedBlobs()).isEmpty();
        assertThat(layout.hasBlob(young.digest())).isTrue();
        assertThat(layout.gc(Duration.ZERO).deletedBlobs()).containsExactly(young.digest());
        assertThat(layout.hasBlob(child.layers().get(0).digest())).isTrue();
    }

    @Test
    void shouldDeleteStaleTempFilesButNotThoseOfALiveWriter() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Path stale = layout.root().resolve("ingest/blob-crashed.tmp");
        Files.writeString(stale, "half a layer");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (BlobWriter live = layout.openBlobWriter()) {
            live.write(bytes("still writing"));
            Files.setLastModifiedTime(live.tempFile(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

            GcReport report = layout.gc();

            assertThat(report.deletedTempFiles()).isEqualTo(1);
            assertThat(stale).doesNotExist();
            assertThat(live.tempFile()).exists();
            assertThat(live.commit().digest()).isEqualTo(Digest.sha256(bytes("still writing")));
        }
    }

    @Test
    void shouldStopGcWhenAListedManifestIsUnreadable() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Manifest manifest = TestKits.writeBlobs(layout, "a");
        layout.putManifest(manifest, List.of("v1"));
        StoredBlob stray = layout.putBlob(bytes("stray"));
        Files.writeString(layout.blobPath(manifest.digest()), "not json");

        assertThatThrownBy(() -> layout.gc(Duration.ZERO)).isInstanceOf(ModelKitException.class)
                .hasMessageContaining("gc stopped, nothing deleted");
        assertThat(layout.hasBlob(stray.digest())).isTrue();
    }

    @Test
    void shouldReadLayoutsWrittenByOtherTools() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        Manifest manifest = TestKits.writeBlobs(layout, "a");
        layout.putBlob(manifest.bytes());
        Files.writeString(temp.resolve("index.json"), """
                {
                  "schemaVersion": 2,
                  "manifests": [
                    {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": %d,
                     "platform": {"os": "linux", "architecture": "amd64"},
                     "annotations": {"org.opencontainers.image.ref.name": "v1", "io.example": "kept"}}
                  ],
                  "annotations": {"io.example.index": "kept too"}
                }
                """.formatted(manifest.digest(), manifest.size()));

        assertThat(layout.resolve("v1")).map(descriptor -> descriptor.annotation("io.example"))
                .isEqualTo(Optional.of(Optional.of("kept")));
        layout.tag(layout.resolve("v1").orElseThrow(), "v2");

        assertThat(Files.readString(temp.resolve("index.json"))).contains("\"io.example\":\"kept\"")
                .contains("\"annotations\":{\"io.example.index\":\"kept too\"}")
                .doesNotContain("\"mediaType\":\"application/vnd.oci.image.index.v1+json\"");
    }

    @Test
    void shouldStreamBlobsIn() throws IOException {
        OciLayout layout = OciLayout.open(temp);
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);

        StoredBlob blob = layout.putBlob(new ByteArrayInputStream(content), Digest.sha256(content));

        try (InputStream in = layout.openBlob(blob.digest())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(new String(layout.readBlob(layout.putBlob(bytes("x")).digest()), StandardCharsets.UTF_8)).isEqualTo("x");
    }

    static List<String> blobFiles(OciLayout layout) throws IOException {
        try (Stream<Path> files = Files.list(layout.root().resolve("blobs/sha256"))) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    static List<Path> tempFiles(OciLayout layout) throws IOException {
        Path ingest = layout.root().resolve("ingest");
        if (!Files.isDirectory(ingest)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ingest)) {
            return files.filter(path -> !path.getFileName().toString().equals(".lock")).toList();
        }
    }
}
