package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.registry.auth.Credential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryAuthTest {
    private static final String PASSWORD = "s3cret-Passw0rd";

    @RegisterExtension
    static final LocalRegistry REGISTRY = LocalRegistry.withTlsAndBasicAuth("builder", PASSWORD);

    private RegistryClient.Builder client(String password) {
        return RegistryClient.builder(REGISTRY.host())
                .credentials(registry -> Optional.of(Credential.password("builder", password)))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100)))
                .requestTimeout(Duration.ofSeconds(20));
    }

    @Test
    void shouldPushAndPullWithBasicAuthOverTlsTrustingTheGivenCa() throws IOException {
        RegistryClient client = client(PASSWORD).caCertificates(REGISTRY.caCertificate()).build();
        byte[] bytes = "secured blob".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(bytes);

        client.pushBlob("secure/model", digest, bytes.length, offset -> new ByteArrayInputStream(bytes));

        try (InputStream in = client.getBlob("secure/model", digest, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void shouldReportWrongCredentialsWithoutTheSecret() {
        RegistryClient client = client("wrong-password-123").caCertificates(REGISTRY.caCertificate()).build();

        assertThatThrownBy(() -> client.getManifest("secure/model", "1.0"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED);
                    assertThat(e.code()).isEqualTo("UNAUTHORIZED");
                })
                .hasMessage(REGISTRY.host() + "/secure/model:1.0: authentication required (UNAUTHORIZED, HTTP 401)")
                .hasMessageNotContaining("wrong-password-123");
    }

    @Test
    void shouldRefuseAnUntrustedCertificateInsteadOfFallingBackToPlainHttp() {
        RegistryClient client = client(PASSWORD).build();

        assertThatThrownBy(() -> client.headBlob("secure/model", Digest.sha256(new byte[0])))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageStartingWith(REGISTRY.host() + "/secure/model@sha256:")
                .hasMessageContaining("registry not reachable");
    }
}
