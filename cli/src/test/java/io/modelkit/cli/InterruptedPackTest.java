package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack that fails or is stopped part-way, run as a real process: the store must be exactly as
 * it was, with no temporary file left, and the failure must be named.
 */
class InterruptedPackTest {
    @TempDir
    Path temp;

    private Path home;
    private List<String> before;

    @BeforeEach
    void packSomethingFirst() {
        home = temp.resolve("home");
        Path small = temp.resolve("small");
        Contexts.write(small, "Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: w.bin\n");
        Contexts.write(small, "w.bin", "weights");
        CliRunner.Result first = new CliRunner(home).run("pack", small.toString(), "-t", "small:1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        before = Contexts.everything(home);
    }

    @Test
    void shouldLeaveTheStoreAsItWasWhenInterrupted() throws Exception {
        Path big = temp.resolve("big");
        Contexts.write(big, "Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: model.bin\ndatasets:\n  - path: data.bin\n");
        sparseFile(big.resolve("model.bin"), 3L << 30);
        sparseFile(big.resolve("data.bin"), 3L << 30);

        Process process = modelkit(List.of(), "pack", big.toString(), "-t", "big:1");
        waitForIngest();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isNotZero();
        assertThat(err).contains("interrupted");
        assertThat(Contexts.everything(home)).isEqualTo(before);
    }

    @Test
    void shouldLeaveTheStoreAsItWasWhenTheDiskIsFull() throws Exception {
        Path ctx = temp.resolve("ctx");
        Contexts.write(ctx, "Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: model.bin\n");
        Files.write(ctx.resolve("model.bin"), new byte[8 << 20]);

        // A file size limit makes writes fail with EFBIG, as a full disk fails them with ENOSPC.
        Process process = modelkit(List.of("ulimit -f 4096;"), "pack", ctx.toString(), "-t", "full:1");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("modelkit: error: cannot write model model.bin: File too large");
        assertThat(Contexts.everything(home)).isEqualTo(before);
    }

    @Test
    void shouldLetTwoPacksIntoTheSameStoreBothSucceed() throws Exception {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Contexts.write(a, "Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: model.bin\n");
        Contexts.write(b, "Kitfile", "manifestVersion: 1.0.0\nmodel:\n  path: model.bin\n");
        Files.write(a.resolve("model.bin"), new byte[32 << 20]);
        Files.write(b.resolve("model.bin"), "other".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        Process first = modelkit(List.of(), "pack", a.toString(), "-t", "a:1");
        Process second = modelkit(List.of(), "pack", b.toString(), "-t", "b:1");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(second.exitValue()).as(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(new CliRunner(home).run("list").out()).contains("a ", "b ", "small");
    }

    private void waitForIngest() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(home)) {
                if (files.anyMatch(path -> path.toString().contains("ingest") && Files.isRegularFile(path) && size(path) > 0)) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException racingWithTheWriter) {
                // a temporary file vanished while being listed; look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the pack never started writing a layer");
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private Process modelkit(List<String> shellPrefix, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.modelkit.cli.Main");
        command.addAll(List.of(args));
        StringBuilder script = new StringBuilder(String.join(" ", shellPrefix)).append(" exec");
        for (String part : command) {
            script.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script.toString());
        builder.environment().put("MODELKIT_HOME", home.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    private static void sparseFile(Path path, long size) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
        }
    }
}
