package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo, an independent OCI client, reads what {@code modelkit pack -t oci:PATH:TAG} writes, and back. */
class OciLayoutInteropTest {
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    @TempDir
    Path temp;

    @Test
    void shouldWriteALayoutSkopeoReads() throws Exception {
        assertThat(SKOPEO).as("installed by ./test").isExecutable();
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Path layout = temp.resolve("layout");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "oci:" + layout + ":v1").exitCode()).isZero();
        String ours = cli.run("inspect", "oci:" + layout + ":v1", "--raw").out();

        assertThat(Files.getPosixFilePermissions(layout.resolve("index.json")))
                .as("other users and tools can read the layout")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String theirs = skopeo("inspect", "--raw", "oci:" + layout + ":v1");
        assertThat(theirs).isEqualTo(ours);

        Path copy = temp.resolve("copy");
        skopeo("copy", "--quiet", "oci:" + layout + ":v1", "oci:" + copy + ":copied");
        Path restored = temp.resolve("restored");
        CliRunner.Result unpack = cli.run("unpack", "oci:" + copy + ":copied", "-d", restored.toString());
        assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
        assertThat(restored.resolve("data/train.csv")).hasSameBinaryContentAs(context.resolve("data/train.csv"));
    }

    @Test
    void shouldReadTheLocalStoreWithSkopeo() throws Exception {
        assertThat(SKOPEO).as("installed by ./test").isExecutable();
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Path home = temp.resolve("home");
        CliRunner cli = new CliRunner(home);
        assertThat(cli.run("pack", context.toString(), "-t", "team/sentiment:1.4").exitCode()).isZero();
        String ours = cli.run("inspect", "team/sentiment:1.4", "--raw").out();
        assertThat(skopeo("inspect", "--raw", "oci:" + home.resolve("storage") + ":localhost/team/sentiment:1.4")).isEqualTo(ours);
    }

    private static String skopeo(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(SKOPEO.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
