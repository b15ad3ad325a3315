package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** push, pull, login and logout against a real registry, with skopeo as the independent client. */
class RegistryCliTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    @Test
    void shouldPushAModelKitThatSkopeoReadsAndPullItBackIntoAnotherStore() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner packer = new CliRunner(temp.resolve("home-a"));
        assertThat(packer.run("pack", context.toString(), "-t", "sentiment:1.4.0").exitCode()).isZero();
        String remote = REGISTRY.host() + "/ml/sentiment:1.4.0";
        String manifest = packer.run("inspect", "sentiment:1.4.0", "--raw").out();

        CliRunner.Result push = packer.run("push", "sentiment:1.4.0", remote);
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.out()).startsWith("Pushed sha256:").contains("(8 blobs", "0 already there");
        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + remote)).isEqualTo(manifest);

        CliRunner.Result again = packer.run("push", "sentiment:1.4.0", remote);
        assertThat(again.out()).as("a re-push moves no blob").contains("(0 blobs, 0 B sent; 8 already there)");

        CliRunner puller = new CliRunner(temp.resolve("home-b"));
        CliRunner.Result pull = puller.run("pull", remote);
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(puller.run("inspect", remote, "--raw").out()).isEqualTo(manifest);
        Path restored = temp.resolve("restored");
        assertThat(puller.run("unpack", remote, "-d", restored.toString()).exitCode()).isZero();
        assertThat(restored.resolve("model/sentiment-linear.safetensors"))
                .hasSameBinaryContentAs(context.resolve("model/sentiment-linear.safetensors"));
    }

    @Test
    void shouldNameTheRegistryAndTheMissingTag() {
        CliRunner.Result pull = new CliRunner(temp.resolve("home")).run("pull", REGISTRY.host() + "/ml/absent:9.9");
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.err()).startsWith("modelkit: error: ").contains(REGISTRY.host() + "/ml/absent:9.9")
                .contains("MANIFEST_UNKNOWN").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseToPushToTheLocalStoreName() {
        CliRunner.Result push = new CliRunner(temp.resolve("home")).run("push", "sentiment:1", "sentiment:2");
        assertThat(push.exitCode()).isEqualTo(1);
        assertThat(push.err()).contains("does not name a registry");
    }

    @Test
    void shouldKeepLoginCredentialsPrivateAndForgetThemOnLogout() throws Exception {
        Path home = temp.resolve("home");
        CliRunner cli = new CliRunner(home).stdin("s3cret-pass\n");
        CliRunner.Result login = cli.run("login", "registry.example.com", "-u", "ci-bot", "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out() + login.err()).doesNotContain("s3cret-pass");
        Path file = home.resolve("credentials.json");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).contains("registry.example.com");

        CliRunner.Result logout = new CliRunner(home).run("logout", "registry.example.com");
        assertThat(logout.out()).isEqualTo("Removed credentials for registry.example.com\n");
        assertThat(Files.readString(file)).doesNotContain("registry.example.com");
    }

    @Test
    void shouldNeverTakeAPasswordWithoutATerminalOrStdin() {
        CliRunner.Result login = new CliRunner(temp.resolve("home")).run("login", "registry.example.com", "-u", "ci-bot");
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.err()).contains("--password-stdin");
    }

    private static String skopeo(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/skopeo"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void shouldInspectListTagUnpackAndRemoveInTheRegistry() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:2").exitCode()).isZero();
        String dev = REGISTRY.host() + "/dev/sentiment:2";
        String prod = REGISTRY.host() + "/prod/sentiment:2";
        assertThat(cli.run("push", "sentiment:2", dev).exitCode()).isZero();
        String manifest = cli.run("inspect", "sentiment:2", "--raw").out();

        assertThat(cli.run("inspect", "-r", dev, "--raw").out()).isEqualTo(manifest);
        assertThat(cli.run("info", "-r", dev).out()).contains("name: sentiment-classifier");

        CliRunner.Result tag = cli.run("tag", "-r", dev, prod);
        assertThat(tag.exitCode()).as(tag.toString()).isZero();
        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + prod)).isEqualTo(manifest);
        assertThat(cli.run("list", REGISTRY.host() + "/prod/sentiment").out()).contains("prod/sentiment", " 2 ");

        Path restored = temp.resolve("restored");
        CliRunner.Result unpack = cli.run("unpack", "-r", prod, "-d", restored.toString(), "--filter", "model");
        assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
        assertThat(Contexts.files(restored).keySet()).containsExactly(
                "adapters/restaurants-lora.safetensors", "model/sentiment-linear.safetensors");

        CliRunner.Result remove = cli.run("remove", "-r", prod);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        CliRunner.Result gone = cli.run("inspect", "-r", prod);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("MANIFEST_UNKNOWN");
    }

    @Test
    void shouldPackAndPushInOneCommand() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        String remote = REGISTRY.host() + "/ml/packed:1";
        CliRunner.Result pack = cli.run("pack", context.toString(), "-t", remote, "--push");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        assertThat(pack.err()).contains("Pushed sha256:", "8 blobs sent");
        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + remote))
                .isEqualTo(cli.run("inspect", remote, "--raw").out());
    }

    @Test
    void shouldRefusePushWithoutARegistryName() {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: w.bin\n");
        Contexts.write(temp, "ctx/w.bin", "w");
        CliRunner.Result pack = new CliRunner(temp.resolve("home")).run("pack", temp.resolve("ctx").toString(), "-t", "local:1", "--push");
        assertThat(pack.exitCode()).isEqualTo(1);
        assertThat(pack.err()).contains("-t with --push", "does not name a registry");
    }

    @Test
    void shouldPackStraightToTheRegistryKeepingNoLocalCopy() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Path home = temp.resolve("home");
        String remote = REGISTRY.host() + "/ml/streamed:1,latest";
        CliRunner cli = new CliRunner(home);

        CliRunner.Result pack = cli.run("pack", context.toString(), "-t", remote, "--push-only");

        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        assertThat(pack.out()).startsWith("Model pushed: sha256:").contains("(8 blobs sent, 0 already there; no local copy kept)");
        assertThat(home.resolve("storage")).as("nothing stored locally").doesNotExist();
        String manifest = skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + REGISTRY.host() + "/ml/streamed:latest");
        assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + REGISTRY.host() + "/ml/streamed:1")).isEqualTo(manifest);
        Path restored = temp.resolve("restored");
        CliRunner.Result unpack = new CliRunner(temp.resolve("home-b")).run("unpack", REGISTRY.host() + "/ml/streamed:1", "-d", restored.toString());
        assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
        assertThat(restored.resolve("model/sentiment-linear.safetensors"))
                .hasSameBinaryContentAs(context.resolve("model/sentiment-linear.safetensors"));

        CliRunner.Result again = cli.run("pack", context.toString(), "-t", remote, "--push-only", "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.out());
        assertThat(result.get("blobsSent").asInt()).as("a re-push sends no blob").isZero();
        assertThat(result.get("blobsSkipped").asInt()).isEqualTo(8);
        assertThat(result.get("bytesSent").asLong()).isZero();
    }

    @Test
    void shouldRefusePushOnlyWithoutARegistry() {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: w.bin\n");
        Contexts.write(temp, "ctx/w.bin", "w");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result local = cli.run("pack", temp.resolve("ctx").toString(), "-t", "local:1", "--push-only");
        assertThat(local.exitCode()).isEqualTo(1);
        assertThat(local.err()).contains("-t with --push-only", "does not name a registry");
        CliRunner.Result untagged = cli.run("pack", temp.resolve("ctx").toString(), "--push-only");
        assertThat(untagged.exitCode()).isEqualTo(1);
        assertThat(untagged.err()).contains("--push-only needs -t naming a registry");
        assertThat(temp.resolve("home/storage")).doesNotExist();
    }
}
