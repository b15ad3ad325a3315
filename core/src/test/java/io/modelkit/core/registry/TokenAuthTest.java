package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.registry.auth.Credential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Bearer token flow against distribution's {@code auth: token} and a token service signing with a test key. */
class TokenAuthTest {
    private static final String PASSWORD = "t0ken-Passw0rd";
    private static final String READER_PASSWORD = "r3ader-Passw0rd";
    private static final TokenServer TOKENS = new TokenServer()
            .user("builder", PASSWORD, "pull", "push", "delete")
            .user("reader", READER_PASSWORD, "pull");

    @RegisterExtension
    static final LocalRegistry REGISTRY = LocalRegistry.withTokenAuth(TOKENS);

    @BeforeEach
    void reset() {
        TOKENS.clearRequests();
        TOKENS.grantPullOnlyFor(0);
    }

    private static RegistryClient client(String user, String password) {
        return RegistryClient.builder(REGISTRY.host())
                .credentials(registry -> Optional.of(Credential.password(user, password)))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100)))
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static Descriptor push(RegistryClient client, String repository, byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        client.pushBlob(repository, digest, bytes.length, offset -> new ByteArrayInputStream(bytes));
        return new Descriptor("application/octet-stream", digest, bytes.length);
    }

    private static byte[] pull(RegistryClient client, String repository, Digest digest) throws IOException {
        try (InputStream in = client.getBlob(repository, digest, 0)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldPushAndPullBlobsAndManifestsWithOneTokenPerScope() throws IOException {
        RegistryClient client = client("builder", PASSWORD);
        byte[] layerBytes = "weights behind a token".getBytes(StandardCharsets.UTF_8);
        Descriptor config = push(client, "token/model", "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor layer = push(client, "token/model", layerBytes);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.KIT_CONFIG + "\",\"digest\":\"" + config.digest() + "\",\"size\":" + config.size()
                + "},\"layers\":[{\"mediaType\":\"application/vnd.kitops.modelkit.model.v1.tar\",\"digest\":\""
                + layer.digest() + "\",\"size\":" + layer.size() + "}]}").getBytes(StandardCharsets.UTF_8);

        Digest manifestDigest = client.putManifest("token/model", "1.0", manifest, MediaTypes.OCI_MANIFEST).digest();

        assertThat(pull(client, "token/model", layer.digest())).isEqualTo(layerBytes);
        assertThat(client.getManifest("token/model", "1.0").bytes()).isEqualTo(manifest);
        assertThat(client.headManifest("token/model", manifestDigest.toString())).isPresent();
        assertThat(client.headBlob("token/model", config.digest())).isPresent();
        // Five writes and five reads, but one token for each scope: the rest come from the cache.
        assertThat(TOKENS.requests()).containsExactly(
                new TokenServer.Request("builder", List.of("repository:token/model:pull,push")),
                new TokenServer.Request("builder", List.of("repository:token/model:pull")));
    }

    @Test
    void shouldAskForOneTokenCoveringBothRepositoriesOfAMount() throws IOException {
        RegistryClient client = client("builder", PASSWORD);
        byte[] bytes = "mounted behind a token".getBytes(StandardCharsets.UTF_8);
        Descriptor pushed = push(client, "token/source", bytes);
        TOKENS.clearRequests();

        assertThat(client.mountBlob("token/target", pushed.digest(), "token/source")).isTrue();

        assertThat(TOKENS.requests()).extracting(TokenServer.Request::scopes).containsExactly(
                List.of("repository:token/source:pull", "repository:token/target:pull,push"));
    }

    @Test
    void shouldReportWrongCredentialsNamingTheRegistryWithoutTheSecret() {
        RegistryClient client = client("builder", "wrong-t0ken-password");

        assertThatThrownBy(() -> client.getManifest("token/model", "1.0"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED);
                    assertThat(e.registry()).isEqualTo(REGISTRY.host());
                })
                .hasMessage(REGISTRY.host() + "/token/model:1.0: authentication required (HTTP 401)")
                .hasMessageNotContaining("wrong-t0ken-password");
    }

    @Test
    void shouldReportADeniedPushNamingTheRepository() {
        RegistryClient client = client("reader", READER_PASSWORD);
        byte[] bytes = "not allowed here".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(bytes);

        assertThatThrownBy(() -> client.pushBlob("token/readonly", digest, bytes.length,
                offset -> new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.DENIED);
                    assertThat(e.repository()).isEqualTo("token/readonly");
                })
                .hasMessageStartingWith(REGISTRY.host() + "/token/readonly@" + digest + ": access denied")
                .hasMessageNotContaining(READER_PASSWORD);
        // The reader still pulls with the same client.
        assertThat(client.headBlob("token/readonly", digest)).isEmpty();
    }

    @Test
    void shouldAskForANewTokenWhenTheCachedOneLacksTheScope() throws IOException {
        RegistryClient client = client("builder", PASSWORD);
        byte[] first = "first push, with a token that only pulls".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second push, after insufficient_scope".getBytes(StandardCharsets.UTF_8);
        TOKENS.grantPullOnlyFor(1);
        assertThatThrownBy(() -> push(client, "token/scoped", first))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.DENIED));

        Descriptor pushed = push(client, "token/scoped", second);

        assertThat(pull(client, "token/scoped", pushed.digest())).isEqualTo(second);
        assertThat(TOKENS.requests()).extracting(TokenServer.Request::scopes).containsExactly(
                List.of("repository:token/scoped:pull,push"),
                List.of("repository:token/scoped:pull,push"),
                List.of("repository:token/scoped:pull"));
    }
}
