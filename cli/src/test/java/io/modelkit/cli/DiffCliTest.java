package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff: two packs of the example project compared as text, JSON and Markdown; identical kits and errors. */
class DiffCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeEach
    void packTwoVersions() throws Exception {
        cli = new CliRunner(temp.resolve("home")).env("SOURCE_DATE_EPOCH", "1700000000");
        Path project = Contexts.copyOfExample(temp.resolve("project"));
        assertThat(cli.run("pack", project.toString(), "-t", "sentiment:1.4.0").exitCode()).isZero();
        Path kitfile = project.resolve("Kitfile");
        Files.writeString(kitfile, Files.readString(kitfile).replace("learning_rate: 0.05", "learning_rate: 0.06")
                .replace("version: 1.4.0\n  description: Three", "version: 1.5.0\n  description: Three"));
        Contexts.write(project, "data/eval.csv", "id,text,label,domain\n1,fine,neutral,books\n");
        CliRunner.Result pack = cli.run("pack", project.toString(), "-t", "sentiment:1.5.0");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
    }

    @Test
    void shouldPrintTheDiffAsAlignedText() {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:1.5.0");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).startsWith("A: sentiment:1.4.0 (sha256:");
        assertThat(diff.out()).contains("\nKitfile fields:\n  ~ package.version  1.4.0  ->  1.5.0\n");
        assertThat(diff.out()).contains("\nHyperparameters:\n  ~ model.parameters.training.learning_rate  0.05  ->  0.06  +0.01 (+20%)\n");
        assertThat(diff.out()).containsPattern("\n  ~ dataset     data/eval.csv +changed +sha256:[0-9a-f]{12} \\(\\d+ B\\)  -> sha256:");
        assertThat(diff.out()).contains("\n  = model       model/sentiment-linear.safetensors");
        assertThat(diff.out()).endsWith("\nLayers: 6 shared, 1 only in A, 1 only in B; config differs; annotations match\n");
        assertThat(diff.out()).doesNotContain("\u001b[");
        assertThat(diff.err()).isEmpty();
    }

    @Test
    void shouldColourChangeLinesOnATerminal() {
        CliRunner.Result plain = cli.run("diff", "sentiment:1.4.0", "sentiment:1.5.0");
        CliRunner.Result diff = new TerminalRunner(temp.resolve("home")).run("diff", "sentiment:1.4.0", "sentiment:1.5.0");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("\u001b[33m  ~ package.version  1.4.0  ->  1.5.0\u001b[0m\n");
        assertThat(diff.out().replaceAll("\u001b\\[\\d+m", "")).isEqualTo(plain.out());
    }

    @Test
    void shouldSayIdenticalAndExitZero() {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:1.4.0");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).endsWith("\nidentical: both are the same ModelKit\n");
        CliRunner.Result json = cli.run("diff", "sentiment:1.4.0", "sentiment:1.4.0", "--json");
        assertThat(json.out()).contains("\"identical\" : true");
    }

    @Test
    void shouldPrintJson() throws Exception {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:1.5.0", "--json");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        JsonNode json = JSON.readTree(diff.out());
        assertThat(json.path("identical").asBoolean()).isFalse();
        assertThat(json.path("a").path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(JSON.writeValueAsString(json.path("kitfile")))
                .isEqualTo("[{\"path\":\"package.version\",\"old\":\"1.4.0\",\"new\":\"1.5.0\"}]");
        assertThat(JSON.writeValueAsString(json.path("hyperparameters"))).isEqualTo(
                "[{\"path\":\"model.parameters.training.learning_rate\",\"kind\":\"changed\",\"old\":0.05,\"new\":0.06,"
                        + "\"absoluteChange\":0.01,\"relativeChange\":0.2}]");
        assertThat(json.path("content")).hasSize(7);
        assertThat(json.path("content").get(4).path("path").asText()).isEqualTo("data/eval.csv");
        assertThat(json.path("content").get(4).path("status").asText()).isEqualTo("changed");
        assertThat(json.path("layers").path("uniqueToA")).hasSize(1);
    }

    @Test
    void shouldPrintMarkdownTables() {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:1.5.0", "--format", "markdown");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).startsWith("## ModelKit diff\n\n- **A:** `sentiment:1.4.0` `sha256:");
        assertThat(diff.out()).contains("| `package.version` | 1.4.0 | 1.5.0 |\n",
                "| changed | `model.parameters.training.learning_rate` | `0.05` | `0.06` | +0.01 (+20%) |\n",
                "| changed | dataset | `data/eval.csv` | `sha256:");
    }

    @Test
    void shouldCompareAcrossAnOciLayout() {
        Path layout = temp.resolve("layout");
        CliRunner.Result pack = cli.run("pack", temp.resolve("project").toString(), "-t", "oci:" + layout + ":v2");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();

        CliRunner.Result diff = cli.run("diff", "sentiment:1.5.0", "oci:" + layout + ":v2", "--json");

        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("\"identical\" : true");
    }

    @Test
    void shouldFailNamingAMissingReference() {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:9.9.9");

        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err()).contains("sentiment:9.9.9");
    }

    @Test
    void shouldRejectJsonTogetherWithAFormat() {
        CliRunner.Result diff = cli.run("diff", "sentiment:1.4.0", "sentiment:1.5.0", "--json", "--format", "markdown");

        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains("mutually exclusive");
    }

    @Test
    void shouldShowExamplesInHelp() {
        CliRunner.Result help = cli.run("diff", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: modelkit diff", "--json", "--format=FORMAT", "-r, --remote", "--plain-http",
                "modelkit diff sentiment:1.4.0 sentiment:1.5.0");
    }

    /** The same home, with stdout taken to be a terminal. */
    private record TerminalRunner(Path home) {
        CliRunner.Result run(String... args) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            CliContext context = new CliContext(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    new java.io.ByteArrayInputStream(new byte[0]), java.util.Map.of("MODELKIT_HOME", home.toString(), "HOME", home.toString()), true);
            return new CliRunner.Result(Main.run(context, args), out.toString(), err.toString());
        }
    }
}
