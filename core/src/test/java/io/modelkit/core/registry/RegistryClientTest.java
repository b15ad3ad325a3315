package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryClientTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(1));

    private RegistryClient client(UploadMode mode, long chunkSize) {
        return RegistryClient.builder(REGISTRY.host()).uploadMode(mode).chunkSize(chunkSize)
                .retryPolicy(FAST_RETRIES).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private final RegistryClient client = client(UploadMode.AUTO, 64 * 1024);

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static BlobSource sourceOf(byte[] bytes) {
        return offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    private static byte[] pull(RegistryClient client, String repository, Digest digest, long offset) throws IOException {
        try (InputStream in = client.getBlob(repository, digest, offset)) {
            return in.readAllBytes();
        }
    }

    private Descriptor push(String repository, byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        client.pushBlob(repository, digest, bytes.length, sourceOf(bytes));
        return new Descriptor("application/octet-stream", digest, bytes.length);
    }

    /** A manifest whose config and layer exist in {@code repository}, as distribution requires. */
    private byte[] manifest(String repository, String layerText, String extra) {
        Descriptor config = push(repository, "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor layer = push(repository, layerText.getBytes(StandardCharsets.UTF_8));
        return ("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"" + MediaTypes.OCI_MANIFEST + "\",\n"
                + "  \"config\": {\"mediaType\": \"" + MediaTypes.KIT_CONFIG + "\", \"digest\": \"" + config.digest()
                + "\", \"size\": " + config.size() + "},\n"
                + "  \"layers\": [{\"mediaType\": \"application/vnd.kitops.modelkit.model.v1.tar\", \"digest\": \""
                + layer.digest() + "\", \"size\": " + layer.size() + "}]" + extra + "\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPushSmallBlobInOnePutAndReadItBackByteExact() throws IOException {
        byte[] bytes = randomBytes(10_000, 1);
        Digest digest = Digest.sha256(bytes);

        client(UploadMode.MONOLITHIC, 1024).pushBlob("blobs/mono", digest, bytes.length, sourceOf(bytes));

        assertThat(pull(client, "blobs/mono", digest, 0)).isEqualTo(bytes);
        assertThat(client.headBlob("blobs/mono", digest)).get().extracting(Descriptor::size).isEqualTo(10_000L);
    }

    @Test
    void shouldPushLargeBlobInChunksAndResumeDownloadsWithRange() throws IOException {
        byte[] bytes = randomBytes(200_000, 2);
        Digest digest = Digest.sha256(bytes);
        List<Long> opened = Collections.synchronizedList(new ArrayList<>());

        client.pushBlob("blobs/chunked", digest, bytes.length, offset -> {
            opened.add(offset);
            return sourceOf(bytes).open(offset);
        });

        assertThat(opened).containsExactly(0L, 65_536L, 131_072L, 196_608L);
        assertThat(pull(client, "blobs/chunked", digest, 0)).isEqualTo(bytes);
        assertThat(pull(client, "blobs/chunked", digest, 150_000)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 150_000, 200_000));
    }

    @Test
    void shouldAnswerHeadForExistingAndMissingBlobs() {
        Descriptor pushed = push("blobs/head", "head me".getBytes(StandardCharsets.UTF_8));

        assertThat(client.headBlob("blobs/head", pushed.digest())).get().extracting(Descriptor::size).isEqualTo(7L);
        assertThat(client.headBlob("blobs/head", Digest.sha256(new byte[] {1}))).isEmpty();
    }

    @Test
    void shouldResumeChunkedUploadAfterTheStreamBreaks() throws IOException {
        byte[] bytes = randomBytes(300_000, 3);
        Digest digest = Digest.sha256(bytes);
        AtomicBoolean failed = new AtomicBoolean();
        List<Long> opened = Collections.synchronizedList(new ArrayList<>());
        BlobSource flaky = offset -> {
            opened.add(offset);
            InputStream in = sourceOf(bytes).open(offset);
            if (offset < 100_000 || failed.get()) {
                return in;
            }
            return new FilterInputStream(in) {
                private int sent;

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (sent > 20_000 && failed.compareAndSet(false, true)) {
                        throw new IOException("simulated dropped connection");
                    }
                    int read = super.read(buffer, off, Math.min(len, 4096));
                    sent += Math.max(read, 0);
                    return read;
                }
            };
        };

        client(UploadMode.CHUNKED, 100_000).pushBlob("blobs/resume", digest, bytes.length, flaky);

        assertThat(failed).isTrue();
        assertThat(pull(client, "blobs/resume", digest, 0)).isEqualTo(bytes);
        // a chunk is read whole before it is sent, so a source that fails mid-chunk has sent nothing of
        // it: the registry's offset is intact and the upload resumes at that chunk, not at 0
        assertThat(opened).containsExactly(0L, 100_000L, 100_000L, 200_000L);
    }

    @Test
    void shouldMountBlobsAcrossRepositories() throws IOException {
        byte[] bytes = "shared layer".getBytes(StandardCharsets.UTF_8);
        Descriptor pushed = push("mount/source", bytes);

        assertThat(client.mountBlob("mount/target", pushed.digest(), "mount/source")).isTrue();
        assertThat(pull(client, "mount/target", pushed.digest(), 0)).isEqualTo(bytes);
        assertThat(client.mountBlob("mount/other", Digest.sha256(new byte[] {9}), "mount/source")).isFalse();
    }

    @Test
    void shouldKeepPrettyPrintedManifestBytesExactly() {
        byte[] manifest = manifest("manifests/exact", "model weights", "");

        ManifestPush push = client.putManifest("manifests/exact", "1.0", manifest, MediaTypes.OCI_MANIFEST);
        ManifestResponse byTag = client.getManifest("manifests/exact", "1.0");
        ManifestResponse byDigest = client.getManifest("manifests/exact", push.digest().toString());

        assertThat(push.digest()).isEqualTo(Digest.sha256(manifest));
        assertThat(push.subjectIndexed()).isFalse();
        assertThat(byTag.bytes()).isEqualTo(manifest);
        assertThat(byTag.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(byDigest.digest()).isEqualTo(push.digest());
        assertThat(client.headManifest("manifests/exact", "1.0")).get()
                .isEqualTo(new Descriptor(MediaTypes.OCI_MANIFEST, push.digest(), manifest.length));
        assertThat(client.headManifest("manifests/exact", "2.0")).isEmpty();
    }

    @Test
    void shouldRejectManifestWhoseBytesDoNotMatchTheDigest() throws IOException {
        byte[] manifest = manifest("manifests/tampered", "tampered", "");
        Digest digest = client.putManifest("manifests/tampered", "1.0", manifest, MediaTypes.OCI_MANIFEST).digest();
        Path stored = REGISTRY.storage().resolve("docker/registry/v2/blobs/sha256/" + digest.hex().substring(0, 2)
                + "/" + digest.hex() + "/data");
        byte[] changed = manifest.clone();
        changed[1] = ' ';
        Files.write(stored, changed);

        assertThatThrownBy(() -> client.getManifest("manifests/tampered", "1.0"))
                .isInstanceOf(RegistryException.class)
                .hasMessage(REGISTRY.host() + "/manifests/tampered:1.0: manifest digest mismatch: expected " + digest
                        + ", the received bytes have " + Digest.sha256(changed));
    }

    @Test
    void shouldListTagsAcrossPages() {
        byte[] manifest = manifest("tags/many", "tagged", "");
        for (String tag : List.of("a", "b", "c", "d", "e")) {
            client.putManifest("tags/many", tag, manifest, MediaTypes.OCI_MANIFEST);
        }

        assertThat(client.listTags("tags/many", 2)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(client.listTags("tags/many")).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void shouldWriteAndReadTheReferrersFallbackIndex() {
        byte[] subjectBytes = manifest("referrers/model", "subject", "");
        Digest subject = client.putManifest("referrers/model", "1.0", subjectBytes, MediaTypes.OCI_MANIFEST).digest();
        String subjectField = ",\n  \"subject\": {\"mediaType\": \"" + MediaTypes.OCI_MANIFEST + "\", \"digest\": \""
                + subject + "\", \"size\": " + subjectBytes.length + "}";
        byte[] signature = manifest("referrers/model", "signature", ",\n  \"artifactType\": \"application/vnd.dev.sigstore.bundle.v0.3+json\""
                + subjectField + ",\n  \"annotations\": {\"org.example\": \"one\"}");
        byte[] attestation = manifest("referrers/model", "attestation", subjectField);

        Digest signatureDigest = client.pushReferrer("referrers/model", signature, MediaTypes.OCI_MANIFEST).digest();
        Digest attestationDigest = client.pushReferrer("referrers/model", attestation, MediaTypes.OCI_MANIFEST).digest();
        client.pushReferrer("referrers/model", signature, MediaTypes.OCI_MANIFEST);

        List<Descriptor> all = client.referrers("referrers/model", subject, null);
        assertThat(all).extracting(Descriptor::digest).containsExactly(attestationDigest, signatureDigest);
        assertThat(all.get(1).artifactType()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
        assertThat(all.get(1).annotations()).containsEntry("org.example", "one");
        assertThat(all.get(0).artifactType()).isEqualTo(MediaTypes.KIT_CONFIG);
        assertThat(client.referrers("referrers/model", subject, "application/vnd.dev.sigstore.bundle.v0.3+json"))
                .extracting(Descriptor::digest).containsExactly(signatureDigest);
        assertThat(client.listTags("referrers/model")).contains("sha256-" + subject.hex());
        assertThat(client.referrers("referrers/model", Digest.sha256(new byte[] {7}), null)).isEmpty();
    }

    @Test
    void shouldDeleteManifests() {
        byte[] manifest = manifest("manifests/deleted", "to delete", "");
        Digest digest = client.putManifest("manifests/deleted", "1.0", manifest, MediaTypes.OCI_MANIFEST).digest();

        client.deleteManifest("manifests/deleted", digest.toString());

        assertThat(client.headManifest("manifests/deleted", digest.toString())).isEmpty();
    }

    @Test
    void shouldNameTheRegistryErrorOfAMissingTagOrRepository() {
        manifest("errors/model", "exists", "");

        assertThatThrownBy(() -> client.getManifest("errors/model", "9.9"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("MANIFEST_UNKNOWN");
                    assertThat(e.status()).isEqualTo(404);
                })
                .hasMessage(REGISTRY.host() + "/errors/model:9.9: manifest unknown (MANIFEST_UNKNOWN, HTTP 404)");
        assertThatThrownBy(() -> client.listTags("errors/nothing"))
                .isInstanceOf(RegistryException.class)
                .hasMessage(REGISTRY.host() + "/errors/nothing: repository name not known to registry (NAME_UNKNOWN, HTTP 404)");
    }

    @Test
    void shouldPushManifestsThatSkopeoReadsAsTheSameBytes() throws Exception {
        byte[] manifest = manifest("skopeo/model", "read by skopeo", "");
        client.putManifest("skopeo/model", "1.0", manifest, MediaTypes.OCI_MANIFEST);

        Process skopeo = new ProcessBuilder("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + REGISTRY.host() + "/skopeo/model:1.0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = skopeo.getInputStream().readAllBytes();

        assertThat(skopeo.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(skopeo.exitValue()).isZero();
        assertThat(output).isEqualTo(manifest);
    }
}
