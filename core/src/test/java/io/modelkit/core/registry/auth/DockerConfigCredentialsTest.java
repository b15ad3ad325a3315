package io.modelkit.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerConfigCredentialsTest {
    private static final String SECRET = "p@ss:word-very-secret";

    @TempDir
    Path temp;

    private FakeHelpers helpers;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        helpers = new FakeHelpers(temp.resolve("bin"));
        config = temp.resolve("docker").resolve("config.json");
        Files.createDirectories(config.getParent());
    }

    private DockerConfigCredentials provider(String json) throws Exception {
        Files.writeString(config, json);
        return new DockerConfigCredentials(config, helpers.runner());
    }

    private static String auth(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com:5000", "https://registry.example.com:5000",
            "http://registry.example.com:5000", "https://registry.example.com:5000/v1/", "registry.example.com:5000/v2/"})
    void shouldFindAuthsUnderEverySpellingOfTheHost(String key) throws Exception {
        DockerConfigCredentials credentials = provider("{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth("alice:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("registry.example.com:5000")).contains(Credential.password("alice", SECRET));
        assertThat(credentials.credentialFor("registry.example.com")).isEmpty();
        assertThat(credentials.credentialFor("other.example.com:5000")).isEmpty();
    }

    @Test
    void shouldPreferTheExactKeyThenTheWholeRegistryThenARepositoryScopedKey() throws Exception {
        DockerConfigCredentials credentials = provider("{\"auths\":{"
                + "\"quay.io/team\":{\"auth\":\"" + auth("scoped:" + SECRET) + "\"},"
                + "\"https://quay.io\":{\"auth\":\"" + auth("url:" + SECRET) + "\"},"
                + "\"quay.io\":{\"auth\":\"" + auth("exact:" + SECRET) + "\"},"
                + "\"https://ghcr.io\":{\"auth\":\"" + auth("url:" + SECRET) + "\"},"
                + "\"ghcr.io/team\":{\"auth\":\"" + auth("scoped:" + SECRET) + "\"},"
                + "\"gcr.io/team\":{\"auth\":\"" + auth("scoped:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("quay.io").orElseThrow().username()).isEqualTo("exact");
        assertThat(credentials.credentialFor("ghcr.io").orElseThrow().username()).isEqualTo("url");
        assertThat(credentials.credentialFor("gcr.io").orElseThrow().username()).isEqualTo("scoped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker.io", "index.docker.io", "registry-1.docker.io"})
    void shouldFindDockerHubUnderItsV1Key(String host) throws Exception {
        DockerConfigCredentials credentials = provider(
                "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hubuser:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor(host)).contains(Credential.password("hubuser", SECRET));
    }

    @Test
    void shouldFindDockerHubUnderItsOtherNames() throws Exception {
        DockerConfigCredentials credentials = provider(
                "{\"auths\":{\"registry-1.docker.io\":{\"auth\":\"" + auth("hubuser:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("docker.io")).contains(Credential.password("hubuser", SECRET));
    }

    @Test
    void shouldReadUsernameAndPasswordFields() throws Exception {
        DockerConfigCredentials credentials = provider(
                "{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":\"" + SECRET + "\"}}}");

        assertThat(credentials.credentialFor("ghcr.io")).contains(Credential.password("bob", SECRET));
    }

    @Test
    void shouldLetAuthWinOverUsernameAndPasswordFieldsAsDockerDoes() throws Exception {
        DockerConfigCredentials credentials = provider("{\"auths\":{\"ghcr.io\":{\"username\":\"bob\",\"password\":\"old\","
                + "\"auth\":\"" + auth("carol:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("ghcr.io")).contains(Credential.password("carol", SECRET));
    }

    @Test
    void shouldReadIdentityTokens() throws Exception {
        DockerConfigCredentials credentials = provider("{\"auths\":{"
                + "\"acr.example.io\":{\"auth\":\"" + auth("00000000-0000-0000-0000-000000000000:") + "\",\"identitytoken\":\"" + SECRET + "\"},"
                + "\"ghcr.io\":{\"identitytoken\":\"" + SECRET + "\"}}}");

        assertThat(credentials.credentialFor("acr.example.io"))
                .contains(new Credential("00000000-0000-0000-0000-000000000000", SECRET, true));
        assertThat(credentials.credentialFor("ghcr.io")).contains(Credential.identityToken(SECRET));
    }

    @Test
    void shouldTreatEmptyEntriesAndMissingFilesAsNoCredential() throws Exception {
        assertThat(new DockerConfigCredentials(temp.resolve("absent.json"), helpers.runner()).credentialFor("ghcr.io")).isEmpty();
        assertThat(provider("").credentialFor("ghcr.io")).isEmpty();
        assertThat(provider("{\"auths\":{\"ghcr.io\":{}}}").credentialFor("ghcr.io")).isEmpty();
        assertThat(provider("{\"auths\":{\"ghcr.io\":{\"auth\":\"\"}}}").credentialFor("ghcr.io")).isEmpty();
    }

    @Test
    void shouldAskTheHostsCredHelperWithTheHostAsServerUrl() throws Exception {
        helpers.answering("test", "helped", SECRET);
        helpers.answering("store", "stored", SECRET);
        DockerConfigCredentials credentials = provider("{\"credHelpers\":{\"ghcr.io\":\"test\"},\"credsStore\":\"store\","
                + "\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth("inline:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("ghcr.io")).contains(Credential.password("helped", SECRET));
        assertThat(helpers.asked("test")).isEqualTo("ghcr.io");
        assertThat(helpers.asked("store")).isEmpty();
    }

    @Test
    void shouldAskTheCredsStoreForHostsWithoutTheirOwnHelper() throws Exception {
        helpers.answering("test", "helped", SECRET);
        helpers.answering("store", "stored", SECRET);
        DockerConfigCredentials credentials = provider("{\"credHelpers\":{\"ghcr.io\":\"test\"},\"credsStore\":\"store\","
                + "\"auths\":{\"quay.io\":{\"auth\":\"" + auth("inline:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("quay.io")).contains(Credential.password("stored", SECRET));
        assertThat(helpers.asked("store")).isEqualTo("quay.io");
    }

    @Test
    void shouldAskHelpersAboutDockerHubWithItsV1Key() throws Exception {
        helpers.answering("test", "<token>", SECRET);
        DockerConfigCredentials credentials = provider("{\"credHelpers\":{\"docker.io\":\"test\"}}");

        assertThat(credentials.credentialFor("registry-1.docker.io")).contains(Credential.identityToken(SECRET));
        assertThat(helpers.asked("test")).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void shouldMatchCredHelpersKeysWithAScheme() throws Exception {
        helpers.answering("test", "helped", SECRET);
        DockerConfigCredentials credentials = provider("{\"credHelpers\":{\"https://registry.example.com:5000\":\"test\"}}");

        assertThat(credentials.credentialFor("registry.example.com:5000")).contains(Credential.password("helped", SECRET));
    }

    @Test
    void shouldFallBackToAuthsWhenTheHelperIsMissingOrKnowsNothing() throws Exception {
        helpers.notFound("empty");
        String inline = "\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth("inline:" + SECRET) + "\"}}";

        assertThat(provider("{\"credsStore\":\"desktop\"," + inline + "}").credentialFor("ghcr.io"))
                .contains(Credential.password("inline", SECRET));
        assertThat(provider("{\"credHelpers\":{\"ghcr.io\":\"empty\"}," + inline + "}").credentialFor("ghcr.io"))
                .contains(Credential.password("inline", SECRET));
        assertThat(provider("{\"credHelpers\":{\"ghcr.io\":\"empty\"},\"credsStore\":\"empty\"}").credentialFor("ghcr.io"))
                .isEmpty();
    }

    @Test
    void shouldFailNamingTheHelperWhenItFails() throws Exception {
        helpers.script("test", "cat > /dev/null\necho 'cannot reach the keychain'\nexit 1\n");
        DockerConfigCredentials credentials = provider("{\"credsStore\":\"test\","
                + "\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth("inline:" + SECRET) + "\"}}}");

        assertThatThrownBy(() -> credentials.credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("docker-credential-test")
                .hasMessageContaining("ghcr.io")
                .hasMessageContaining("cannot reach the keychain")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void shouldRefuseHelperNamesThatAreNotPlainNames() throws Exception {
        DockerConfigCredentials credentials = provider("{\"credsStore\":\"../../tmp/evil\"}");

        assertThatThrownBy(() -> credentials.credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("credsStore")
                .hasMessageContaining(config.toString());
    }

    @Test
    void shouldNameTheFileAndFieldButNotTheSecretWhenAnEntryIsBroken() throws Exception {
        String noColon = auth("alice-without-a-colon");
        assertThatThrownBy(() -> provider("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + noColon + "\"}}}").credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("field auths.ghcr.io.auth of " + config + " is not base64 of user:password");
        assertThatThrownBy(() -> provider("{\"auths\":{\"ghcr.io\":{\"auth\":\"%%" + SECRET + "\"}}}").credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("field auths.ghcr.io.auth of " + config + " is not base64");
        assertThatThrownBy(() -> provider("{\"auths\":{\"ghcr.io\":{\"password\":\"" + SECRET + "\" oops}}}").credentialFor("ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("registry credentials file " + config + " is not valid JSON (line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void shouldFindDockersFileAsDockerDoes() {
        assertThat(DockerConfigCredentials.dockerConfigFile(Map.of("DOCKER_CONFIG", "/etc/docker-ci", "HOME", "/home/u")))
                .isEqualTo(Path.of("/etc/docker-ci/config.json"));
        assertThat(DockerConfigCredentials.dockerConfigFile(Map.of("DOCKER_CONFIG", "", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.docker/config.json"));
        assertThat(DockerConfigCredentials.registryAuthFile(Map.of("REGISTRY_AUTH_FILE", "/run/auth.json")))
                .contains(Path.of("/run/auth.json"));
        assertThat(DockerConfigCredentials.registryAuthFile(Map.of("REGISTRY_AUTH_FILE", ""))).isEmpty();
    }

    @Test
    void shouldNeverShowTheSecretInToString() throws Exception {
        DockerConfigCredentials credentials = provider("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth("alice:" + SECRET) + "\"}}}");

        assertThat(credentials.credentialFor("ghcr.io").orElseThrow().toString())
                .isEqualTo("Credential[username=alice, secret=***]");
        assertThat(credentials.toString()).doesNotContain(SECRET).contains(config.toString());
    }
}
