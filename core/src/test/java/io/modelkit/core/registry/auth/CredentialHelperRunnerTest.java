package io.modelkit.core.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperRunnerTest {
    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path temp;

    @Test
    void shouldSendTheServerUrlOnStdinAndReadTheAnswer() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.answering("test", "alice", SECRET);

        assertThat(helpers.runner().get("test", "registry.example.com:5000"))
                .contains(Credential.password("alice", SECRET));
        assertThat(helpers.asked("test")).isEqualTo("registry.example.com:5000");
    }

    @Test
    void shouldTakeTokenUsernameAsAnIdentityToken() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.answering("test", "<token>", SECRET);

        assertThat(helpers.runner().get("test", "ghcr.io")).contains(Credential.identityToken(SECRET));
    }

    @Test
    void shouldSearchOnlyTheGivenDirectoriesInOrder() throws Exception {
        FakeHelpers first = new FakeHelpers(temp.resolve("first"));
        FakeHelpers second = new FakeHelpers(temp.resolve("second"));
        first.answering("test", "first", SECRET);
        second.answering("test", "second", SECRET);
        second.answering("other", "second", SECRET);

        CredentialHelperRunner runner = CredentialHelperRunner.onPath(
                temp.resolve("missing") + File.pathSeparator + temp.resolve("first") + File.pathSeparator + temp.resolve("second"));

        assertThat(runner.get("test", "h").orElseThrow().username()).isEqualTo("first");
        assertThat(runner.get("other", "h").orElseThrow().username()).isEqualTo("second");
        assertThat(new CredentialHelperRunner(List.of(), Duration.ofSeconds(5)).get("test", "h")).isEmpty();
    }

    @Test
    void shouldTreatAMissingHelperAsNoCredential() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));

        assertThat(helpers.runner().locate("absent")).isEmpty();
        assertThat(helpers.runner().get("absent", "ghcr.io")).isEmpty();
    }

    @Test
    void shouldTreatCredentialsNotFoundAsNoCredential() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.notFound("test");

        assertThat(helpers.runner().get("test", "ghcr.io")).isEmpty();
    }

    @Test
    void shouldTreatAnEmptySecretAsNoCredential() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.answering("test", "", "");

        assertThat(helpers.runner().get("test", "ghcr.io")).isEmpty();
    }

    @Test
    void shouldNameTheHelperWhenItFails() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.script("test", "cat > /dev/null\necho 'keychain locked' >&2\nexit 7\n");

        assertThatThrownBy(() -> helpers.runner().get("test", "ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("credential helper docker-credential-test failed for ghcr.io with exit code 7: keychain locked");
    }

    @Test
    void shouldNeverQuoteAnAnswerThatIsNotJson() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.script("test", "cat > /dev/null\necho 'Username=alice Secret=" + SECRET + "'\n");

        assertThatThrownBy(() -> helpers.runner().get("test", "ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("docker-credential-test")
                .hasMessageContaining("ghcr.io")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(SECRET));
    }

    @Test
    void shouldStopAHelperThatDoesNotAnswer() throws Exception {
        FakeHelpers helpers = new FakeHelpers(temp.resolve("bin"));
        helpers.script("test", "exec sleep 30\n");
        CredentialHelperRunner runner = new CredentialHelperRunner(List.of(temp.resolve("bin")), Duration.ofMillis(500));

        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.get("test", "ghcr.io"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("docker-credential-test did not answer for ghcr.io");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
