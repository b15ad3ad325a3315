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
    @ValueSource(strings = {"pack", "unpack", "list", "inspect", "info", "tag", "remove", "init"})
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
    void shouldNameTheBadCompression() {
        CliRunner.Result result = new CliRunner(temp).run("pack", temp.toString(), "--compression", "brotli");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("modelkit: error: ").contains("brotli").contains("gzip-fastest");
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
        Contexts.write(temp, "ctx/Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: missing.gguf\n");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run("pack", temp.resolve("ctx").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("missing.gguf");
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
}
