package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every command shares: help, exit codes, one-line errors. */
class CommandLineTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"pack", "unpack", "push", "pull", "list", "inspect", "info", "tag", "remove", "init", "login", "logout"})
    void shouldHaveHelpWithExamplesOnEveryCommand(String command) {
        CliRunner.Result help = new CliRunner(temp).run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: modelkit " + command).contains("Examples:");
    }

    @Test
    void shouldListTheCommandsWithoutArguments() {
        CliRunner.Result result = new CliRunner(temp).run();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("pack", "unpack", "inspect", "Exit codes: 0 success, 1 failure, 2 wrong usage.");
    }

    @Test
    void shouldPrintItsVersion() {
        CliRunner.Result result = new CliRunner(temp).run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("modelkit ").doesNotContain("unknown");
    }

    @Test
    void shouldExitWithTwoOnAnUnknownOption() {
        CliRunner.Result result = new CliRunner(temp).run("pack", ".", "--compresion", "gzip");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option", "'--compresion'", "Possible solutions: --compression",
                "modelkit pack --help");
    }

    @Test
    void shouldExitWithTwoOnAMissingArgument() {
        CliRunner.Result result = new CliRunner(temp).run("unpack", "x:1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--dir=DIR'");
    }

    @Test
    void shouldTreatABadCompressionAsAUsageError() {
        CliRunner.Result result = new CliRunner(temp).run("pack", temp.toString(), "--compression", "brotli");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--compression'", "brotli", "gzip-fastest");
    }

    @Test
    void shouldTreatABadFilterAsAUsageError() {
        CliRunner.Result result = new CliRunner(temp).run("unpack", "x:1", "-d", temp.toString(), "--filter", "weights");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid value for option '--filter'", "unknown type 'weights'");
    }

    @Test
    void shouldRefuseAParallelismBelowOne() {
        CliRunner.Result result = new CliRunner(temp).run("pack", temp.toString(), "--parallel", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'0' is not a whole number of at least 1");
    }

    @Test
    void shouldNotCreateALayoutWhenReadingOne() {
        Path missing = temp.resolve("no-such-layout");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run("inspect", "oci:" + missing + ":v1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(missing.toString(), "is not an OCI image layout");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldRefuseAnEndlessKitfileOnStandardInput() {
        Contexts.write(temp, "ctx/w.bin", "w");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).stdin("#".repeat((16 << 20) + 10))
                .run("pack", temp.resolve("ctx").toString(), "-f", "-");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("standard input", "larger than 16777216 bytes");
    }

    @Test
    void shouldNameTheMissingKitfileWithoutAStackTrace() {
        CliRunner.Result result = new CliRunner(temp).run("pack", temp.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("modelkit: error: ").contains(temp.toString()).contains("Kitfile")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldPrintTheStackTraceWithDebug() {
        CliRunner.Result result = new CliRunner(temp).run("pack", temp.toString(), "--debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("\tat io.modelkit.");
    }

    @Test
    void shouldNameTheUnknownKitfileFieldAndItsLine() {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  name: m\n  paht: weights.bin\n");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run("pack", temp.resolve("ctx").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Kitfile", "line 4", "paht");
    }

    @Test
    void shouldNameTheBadReference() {
        CliRunner.Result result = new CliRunner(temp).run("inspect", "Bad/Repo:1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("modelkit: error: ").contains("Bad/Repo:1");
    }

    @Test
    void shouldNameAMissingLayerPath() {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: w.bin\ndocs:\n  - path: missing.md\n");
        Contexts.write(temp, "ctx/w.bin", "weights");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run("pack", temp.resolve("ctx").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Kitfile: docs[0].path 'missing.md' does not exist in");
    }

    @Test
    void shouldWarnAboutSymlinksItSkips() throws Exception {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\ncode:\n  - path: src\n");
        Contexts.write(temp, "ctx/src/main.py", "print(1)\n");
        java.nio.file.Files.createSymbolicLink(temp.resolve("ctx/src/link.py"), Path.of("main.py"));
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run("pack", temp.resolve("ctx").toString(), "-t", "s:1");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning: ").contains("src/link.py");
    }

    @Test
    void shouldDrawBarsOnlyWhenAskedOrOnATerminal() {
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: w.bin\n");
        Contexts.write(temp, "ctx/w.bin", "weights");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", temp.resolve("ctx").toString(), "--progress", "fancy").err())
                .contains("[------------------------] model w.bin: 0 B / 7 B", "\u001b[1F\u001b[J");
        assertThat(cli.run("pack", temp.resolve("ctx").toString(), "--progress", "plain").err())
                .contains("model w.bin: 7 B in").doesNotContain("[#", "\u001b");
        assertThat(cli.run("pack", temp.resolve("ctx").toString(), "--progress", "none").err()).isEmpty();
    }
}
