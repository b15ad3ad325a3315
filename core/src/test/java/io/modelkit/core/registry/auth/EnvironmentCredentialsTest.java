package io.modelkit.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialsTest {
    private static final String SECRET = "ci-secret-value";

    @Test
    void shouldNameVariablesAfterTheNormalisedHost() {
        assertThat(EnvironmentCredentials.userVariable("ghcr.io")).isEqualTo("MODELKIT_REGISTRY_GHCR_IO_USER");
        assertThat(EnvironmentCredentials.passwordVariable("localhost:5000")).isEqualTo("MODELKIT_REGISTRY_LOCALHOST_5000_PASSWORD");
        assertThat(EnvironmentCredentials.userVariable("my-registry.example.com")).isEqualTo("MODELKIT_REGISTRY_MY_REGISTRY_EXAMPLE_COM_USER");
        assertThat(EnvironmentCredentials.userVariable("registry-1.docker.io")).isEqualTo("MODELKIT_REGISTRY_DOCKER_IO_USER");
        assertThat(EnvironmentCredentials.userVariable("index.docker.io")).isEqualTo("MODELKIT_REGISTRY_DOCKER_IO_USER");
    }

    @Test
    void shouldPreferTheHostsOwnVariablesOverTheGlobalOnes() {
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "MODELKIT_REGISTRY_USER", "everyone", "MODELKIT_REGISTRY_PASSWORD", SECRET,
                "MODELKIT_REGISTRY_GHCR_IO_USER", "octocat", "MODELKIT_REGISTRY_GHCR_IO_PASSWORD", SECRET + "-gh"));

        assertThat(credentials.credentialFor("ghcr.io")).contains(Credential.password("octocat", SECRET + "-gh"));
        assertThat(credentials.credentialFor("quay.io")).contains(Credential.password("everyone", SECRET));
    }

    @Test
    void shouldServeDockerHubUnderEveryName() {
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "MODELKIT_REGISTRY_DOCKER_IO_USER", "hub", "MODELKIT_REGISTRY_DOCKER_IO_PASSWORD", SECRET));

        assertThat(credentials.credentialFor("docker.io")).contains(Credential.password("hub", SECRET));
        assertThat(credentials.credentialFor("registry-1.docker.io")).contains(Credential.password("hub", SECRET));
    }

    @Test
    void shouldHaveNothingWithoutVariablesAndCountEmptyAsUnset() {
        assertThat(new EnvironmentCredentials(Map.of()).credentialFor("ghcr.io")).isEmpty();
        assertThat(new EnvironmentCredentials(Map.of("MODELKIT_REGISTRY_USER", "", "MODELKIT_REGISTRY_PASSWORD", ""))
                .credentialFor("ghcr.io")).isEmpty();
    }

    @Test
    void shouldNameTheMissingHalfOfAPairButNeverTheValue() {
        assertThatThrownBy(() -> new EnvironmentCredentials(Map.of("MODELKIT_REGISTRY_GHCR_IO_PASSWORD", SECRET)).credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("MODELKIT_REGISTRY_GHCR_IO_PASSWORD is set but MODELKIT_REGISTRY_GHCR_IO_USER is not");
        assertThatThrownBy(() -> new EnvironmentCredentials(Map.of("MODELKIT_REGISTRY_USER", "someone")).credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("MODELKIT_REGISTRY_USER is set but MODELKIT_REGISTRY_PASSWORD is not");
    }

    @Test
    void shouldRefuseWhatIsNotAHost() {
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of());
        assertThatThrownBy(() -> credentials.credentialFor("ghcr.io/org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credentials.credentialFor(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
