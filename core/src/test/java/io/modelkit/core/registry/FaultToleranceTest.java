package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push and pull through a TCP proxy that drops connections and answers 500 and 429: the transfers
 * finish, and the registry, read directly, holds exactly the right bytes.
 */
class FaultToleranceTest {
    private static final int MIB = 1024 * 1024;
    private static final RetryPolicy RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(5));

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static FaultProxy proxy;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new FaultProxy(Integer.parseInt(REGISTRY.host().substring(REGISTRY.host().lastIndexOf(':') + 1)));
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxy.close();
    }

    @AfterEach
    void everyFaultHappened() {
        boolean pending = proxy.pending();
        proxy.reset();
        assertThat(pending).as("faults armed but never triggered").isFalse();
    }

    private static RegistryClient client(String host, UploadMode mode, long chunkSize) {
        return RegistryClient.builder(host).plainHttp(true).uploadMode(mode).chunkSize(chunkSize)
                .retryPolicy(RETRIES).connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static RegistryClient throughProxy(UploadMode mode) {
        return client(proxy.host(), mode, MIB);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static BlobSource sourceOf(byte[] bytes) {
        return offset -> new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    /** The blob as the registry itself serves it, not through the proxy. */
    private static Digest storedDigest(String repository, Digest digest) throws IOException {
        try (InputStream in = client(REGISTRY.host(), UploadMode.AUTO, MIB).getBlob(repository, digest, 0)) {
            return Digest.sha256(in.readAllBytes());
        }
    }

    @Test
    void shouldFinishAChunkedUploadWhoseConnectionDropsMidBlob() throws IOException {
        byte[] bytes = randomBytes(4 * MIB, 1);
        Digest digest = Digest.sha256(bytes);
        proxy.cutNextUploadAfter(MIB / 2);

        throughProxy(UploadMode.CHUNKED).pushBlob("faults/chunked-cut", digest, bytes.length, sourceOf(bytes));

        assertThat(proxy.cuts()).isPositive();
        assertThat(storedDigest("faults/chunked-cut", digest)).isEqualTo(digest);
    }

    @Test
    void shouldFinishAMonolithicUploadWhoseConnectionDropsMidBlob() throws IOException {
        byte[] bytes = randomBytes(3 * MIB, 2);
        Digest digest = Digest.sha256(bytes);
        proxy.cutNextUploadAfter(2 * MIB);

        throughProxy(UploadMode.MONOLITHIC).pushBlob("faults/mono-cut", digest, bytes.length, sourceOf(bytes));

        assertThat(storedDigest("faults/mono-cut", digest)).isEqualTo(digest);
        assertThat(proxy.requests()).filteredOn(line -> line.startsWith("PUT ")).hasSize(2);
    }

    @Test
    void shouldRetryServerErrorsBeforeAndInTheMiddleOfAnUpload() throws IOException {
        byte[] bytes = randomBytes(3 * MIB, 3);
        Digest digest = Digest.sha256(bytes);
        AtomicBoolean failedMidway = new AtomicBoolean();
        BlobSource source = offset -> {
            if (offset > 0 && failedMidway.compareAndSet(false, true)) {
                // The PATCH about to carry this chunk, and the status request after it, get 500.
                proxy.failNext(2);
            }
            return sourceOf(bytes).open(offset);
        };
        proxy.failNext(2);

        throughProxy(UploadMode.CHUNKED).pushBlob("faults/500", digest, bytes.length, source);

        assertThat(failedMidway).isTrue();
        assertThat(storedDigest("faults/500", digest)).isEqualTo(digest);
        assertThat(proxy.requests()).filteredOn(line -> line.startsWith("POST ")).hasSize(3);
    }

    @Test
    void shouldWaitTheRetryAfterOfA429() throws IOException {
        byte[] bytes = randomBytes(2 * MIB, 4);
        Digest digest = Digest.sha256(bytes);
        proxy.throttleNext(1, 1);
        long start = System.nanoTime();

        throughProxy(UploadMode.AUTO).pushBlob("faults/429", digest, bytes.length, sourceOf(bytes));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(storedDigest("faults/429", digest)).isEqualTo(digest);
    }

    @Test
    void shouldResumeACutDownloadFromItsOffset() throws IOException {
        byte[] bytes = randomBytes(3 * MIB, 5);
        Digest digest = Digest.sha256(bytes);
        client(REGISTRY.host(), UploadMode.AUTO, MIB).pushBlob("faults/download", digest, bytes.length, sourceOf(bytes));
        RegistryClient client = throughProxy(UploadMode.AUTO);
        proxy.cutNextDownloadAfter(MIB + 123);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = client.getBlob("faults/download", digest, 0)) {
                in.transferTo(received);
            }
        }).isInstanceOf(IOException.class);
        assertThat(received.size()).isEqualTo(MIB + 123);
        try (InputStream rest = client.getBlob("faults/download", digest, received.size())) {
            rest.transferTo(received);
        }

        assertThat(Digest.sha256(received.toByteArray())).isEqualTo(digest);
        assertThat(Arrays.equals(received.toByteArray(), bytes)).isTrue();
    }

    @Test
    void shouldNameARegistryThatIsDownWithinSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String host = "127.0.0.1:" + closedPort;
        RegistryClient client = RegistryClient.builder(host)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500)))
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).build();
        byte[] bytes = "nobody listens".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(bytes);
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.pushBlob("faults/down", digest, bytes.length, sourceOf(bytes)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
                    assertThat(e.registry()).isEqualTo(host);
                })
                .hasMessageStartingWith(host + "/faults/down@" + digest + ": registry not reachable: ")
                .message().containsIgnoringCase("connection refused");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
