package io.modelkit.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginStoreTest {
    private static final String SECRET = "login-secret-value";

    @TempDir
    Path home;

    private JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteDockersFormatInTheHome() throws Exception {
        LoginStore store = LoginStore.inHome(home);
        store.store("ghcr.io", Credential.password("alice", SECRET));
        store.store("docker.io", Credential.identityToken(SECRET));

        assertThat(store.file()).isEqualTo(home.resolve("credentials.json"));
        JsonNode auths = json(store.file()).get("auths");
        assertThat(auths.get("ghcr.io").get("auth").asText()).isEqualTo(base64("alice:" + SECRET));
        assertThat(auths.get("https://index.docker.io/v1/").get("identitytoken").asText()).isEqualTo(SECRET);
        assertThat(store.credentialFor("ghcr.io")).contains(Credential.password("alice", SECRET));
        assertThat(store.credentialFor("registry-1.docker.io")).contains(Credential.identityToken(SECRET));
        assertThat(new DockerConfigCredentials(store.file(), new CredentialHelperRunner(List.of(), Duration.ofSeconds(1)))
                .credentialFor("ghcr.io")).contains(Credential.password("alice", SECRET));
    }

    @Test
    void shouldCreateAPrivateFileInAPrivateDirectory() throws Exception {
        LoginStore store = LoginStore.inHome(home.resolve("new-home"));
        store.store("ghcr.io", Credential.password("alice", SECRET));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void shouldReplaceTheFileAtomicallyWithAPrivateOne() throws Exception {
        Path file = home.resolve("credentials.json");
        Files.writeString(file, "{\"auths\":{\"quay.io\":{\"auth\":\"" + base64("bob:old") + "\"}},\"currentContext\":\"keep-me\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        new LoginStore(file).store("ghcr.io", Credential.password("alice", SECRET));

        // a rename puts a new file in place; writing into the old one would keep its inode and its mode
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("credentials.json");
        }
        JsonNode content = json(file);
        assertThat(content.get("currentContext").asText()).isEqualTo("keep-me");
        assertThat(content.get("auths").get("quay.io").get("auth").asText()).isEqualTo(base64("bob:old"));
    }

    @Test
    void shouldReplaceALoginSavedUnderAnotherSpelling() throws Exception {
        Path file = home.resolve("credentials.json");
        Files.writeString(file, "{\"auths\":{\"https://ghcr.io\":{\"auth\":\"" + base64("old:old") + "\"},"
                + "\"registry-1.docker.io\":{\"auth\":\"" + base64("old:old") + "\"}}}");
        LoginStore store = new LoginStore(file);

        store.store("ghcr.io", Credential.password("alice", SECRET));
        store.store("docker.io", Credential.password("hub", SECRET));

        JsonNode auths = json(file).get("auths");
        assertThat(auths.fieldNames()).toIterable().containsExactly("ghcr.io", "https://index.docker.io/v1/");
        assertThat(store.credentialFor("ghcr.io")).contains(Credential.password("alice", SECRET));
    }

    @Test
    void shouldEraseEveryEntryForTheHostAndKeepTheOthers() throws Exception {
        LoginStore store = LoginStore.inHome(home);
        store.store("ghcr.io", Credential.password("alice", SECRET));
        store.store("quay.io", Credential.password("bob", SECRET));

        assertThat(store.erase("ghcr.io")).isTrue();
        assertThat(store.erase("ghcr.io")).isFalse();
        assertThat(store.credentialFor("ghcr.io")).isEmpty();
        assertThat(store.credentialFor("quay.io")).contains(Credential.password("bob", SECRET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void shouldHaveNothingBeforeTheFirstLogin() {
        LoginStore store = LoginStore.inHome(home.resolve("absent"));

        assertThat(store.credentialFor("ghcr.io")).isEmpty();
        assertThat(store.erase("ghcr.io")).isFalse();
        assertThat(Files.exists(home.resolve("absent"))).isFalse();
    }

    @Test
    void shouldRefuseUserNamesTheFormatCannotHoldWithoutNamingTheSecret() {
        LoginStore store = LoginStore.inHome(home);

        assertThatThrownBy(() -> store.store("ghcr.io", Credential.password("a:b", SECRET)))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("ghcr.io")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void shouldNameTheFileButNotTheSecretWhenTheFileIsBroken() throws Exception {
        Path file = home.resolve("credentials.json");
        Files.writeString(file, "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + SECRET + "\"");
        LoginStore store = new LoginStore(file);

        assertThatThrownBy(() -> store.store("ghcr.io", Credential.password("alice", "new")))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(store.toString()).isEqualTo("LoginStore[" + file + "]");
    }
}
