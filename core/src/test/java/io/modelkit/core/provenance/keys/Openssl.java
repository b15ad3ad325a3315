package io.modelkit.core.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the openssl CLI; the interop tests require it rather than skip, so a missing tool fails them. */
final class Openssl {
    private Openssl() {
    }

    /** openssl's stdout for {@code args} with {@code stdin}; fails the test unless it exits 0. */
    static byte[] run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("openssl must be installed for the key interop tests", e);
        }
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] stdout = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        assertThat(exit).as("openssl %s: %s", args, new String(stderr.join(), StandardCharsets.UTF_8)).isZero();
        return stdout;
    }

    private static byte[] readAll(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
