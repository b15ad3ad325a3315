package io.modelkit.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialChainTest {
    private static final String SECRET = "chain-secret-value";

    @TempDir
    Path temp;

    private static String entry(String host, String user) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        return "\"" + host + "\":{\"auth\":\"" + auth + "\"}";
    }

    @Test
    void shouldAskEnvironmentThenLoginStoreThenRegistryAuthFileThenDocker() throws Exception {
        Path home = temp.resolve("home");
        LoginStore.inHome(home).store("a.example", Credential.password("login", SECRET));
        LoginStore.inHome(home).store("b.example", Credential.password("login", SECRET));
        Path authFile = Files.writeString(temp.resolve("auth.json"),
                "{\"auths\":{" + entry("a.example", "podman") + "," + entry("b.example", "podman") + "," + entry("c.example", "podman") + "}}");
        Path dockerDir = Files.createDirectories(temp.resolve("docker"));
        Files.writeString(dockerDir.resolve("config.json"), "{\"credHelpers\":{\"e.example\":\"test\"},\"auths\":{"
                + entry("a.example", "docker") + "," + entry("c.example", "docker") + "," + entry("d.example", "docker") + "}}");
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.answering("test", "helper", SECRET);
        Map<String, String> env = new HashMap<>();
        env.put("MODELKIT_REGISTRY_A_EXAMPLE_USER", "env");
        env.put("MODELKIT_REGISTRY_A_EXAMPLE_PASSWORD", SECRET);
        env.put("REGISTRY_AUTH_FILE", authFile.toString());
        env.put("DOCKER_CONFIG", dockerDir.toString());

        CredentialChain chain = CredentialChain.standard(env, home, helpers.runner());

        assertThat(user(chain, "a.example")).contains("env");
        assertThat(user(chain, "b.example")).contains("login");
        assertThat(user(chain, "c.example")).contains("podman");
        assertThat(user(chain, "d.example")).contains("docker");
        assertThat(user(chain, "e.example")).contains("helper");
        assertThat(chain.credentialFor("f.example")).isEmpty();
        assertThat(chain.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldSkipTheRegistryAuthFileWhenUnsetAndFindHelpersOnThePathGiven() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.answering("test", "helper", SECRET);
        Path dockerDir = Files.createDirectories(temp.resolve("docker"));
        Files.writeString(dockerDir.resolve("config.json"), "{\"credsStore\":\"test\"}");
        Map<String, String> env = Map.of("DOCKER_CONFIG", dockerDir.toString(), "PATH", temp.resolve("bin").toString());

        CredentialChain chain = CredentialChain.standard(env, temp.resolve("home"));

        assertThat(chain.providers()).hasSize(3);
        assertThat(user(chain, "ghcr.io")).contains("helper");
    }

    @Test
    void shouldStopAtTheFirstHit() {
        CredentialChain chain = new CredentialChain(List.of(
                registry -> Optional.empty(),
                registry -> Optional.of(Credential.password("second", SECRET)),
                registry -> { throw new AssertionError("asked after a hit"); }));

        assertThat(user(chain, "ghcr.io")).contains("second");
    }

    private static Optional<String> user(CredentialProvider provider, String registry) {
        return provider.credentialFor(registry).map(Credential::username);
    }
}
