package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile Kitfiles are refused quickly, with a message saying why, before they cost memory or time. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class KitfileHostileYamlTest {

    private static Kitfile read(String yaml) {
        return KitfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "Kitfile");
    }

    @Test
    void shouldRefuseABillionLaughs() {
        StringBuilder yaml = new StringBuilder("manifestVersion: 1.0.0\nmodel:\n  parameters:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("    a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j > 0 ? ", " : "").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        assertThatThrownBy(() -> read(yaml.toString()))
                .isInstanceOf(KitfileException.class)
                .hasMessageContaining("document contains excessive aliasing");
    }

    @Test
    void shouldRefuseAMergeKeyBombInTypedFields() {
        StringBuilder yaml = new StringBuilder("manifestVersion: 1.0.0\ncode:\n  - &m0 {path: src}\n");
        for (int i = 1; i < 8; i++) {
            yaml.append("  - &m").append(i).append(" {<<: [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j > 0 ? ", " : "").append("*m").append(i - 1);
            }
            yaml.append("]}\n");
        }

        assertThatThrownBy(() -> read(yaml.toString())).hasMessageContaining("document contains excessive aliasing");
    }

    @Test
    void shouldRefuseAnAnchorThatContainsItsOwnAlias() {
        assertThatThrownBy(() -> read("model:\n  parameters: &p\n    self: *p\n"))
                .hasMessage("Kitfile line 3: anchor 'p' value contains itself");
    }

    @Test
    void shouldRefuseDeepFlowNesting() {
        String yaml = "model:\n  parameters: " + "[".repeat(2_000_000) + "]".repeat(2_000_000) + "\n";

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(KitfileException.class)
                .hasMessage("Kitfile line 2: YAML nested deeper than 100 levels; a Kitfile this deep is refused");
    }

    @Test
    void shouldRefuseDeepBlockNesting() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            yaml.append("  ".repeat(i)).append("k:\n");
        }

        assertThatThrownBy(() -> read(yaml.toString()))
                .hasMessageEndingWith("YAML nested deeper than 100 levels; a Kitfile this deep is refused");
    }

    @Test
    void shouldRefuseAHugeFileBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Kitfile");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(64L * 1024 * 1024 * 1024); // 64 GiB, never written: reading it would take minutes
        }

        assertThatThrownBy(() -> KitfileReader.read(file))
                .isInstanceOf(KitfileException.class)
                .hasMessage(file + ": is larger than 16 MiB; a Kitfile this large is refused");
    }

    @Test
    void shouldRefuseANamedPipeInsteadOfWaitingOnIt(@TempDir Path dir) throws InterruptedException {
        Path pipe = dir.resolve("Kitfile");
        assumeTrue(makeFifo(pipe), "mkfifo is available");

        assertThatThrownBy(() -> KitfileReader.read(pipe)).hasMessage(pipe + ": is not a regular file");
    }

    private static boolean makeFifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void shouldRefuseHugeBytes() {
        byte[] yaml = new byte[KitfileReader.MAX_BYTES + 1];

        assertThatThrownBy(() -> KitfileReader.read(yaml, "upload"))
                .hasMessage("upload: is larger than 16 MiB; a Kitfile this large is refused");
    }

    @Test
    void shouldRefuseMillionsOfNodes() {
        String yaml = "model:\n  parameters: [" + "0,".repeat(300_000) + "0]\n";

        assertThatThrownBy(() -> read(yaml))
                .hasMessage("Kitfile line 2: more than 200000 YAML nodes; a Kitfile this large is refused");
    }

    @Test
    void shouldRefuseASecondDocument() {
        assertThatThrownBy(() -> read("manifestVersion: 1.0.0\n--- !!binary\naGk=\n"))
                .hasMessage("Kitfile line 2: a second YAML document starts here; a Kitfile holds exactly one document");
    }

    @Test
    void shouldAcceptModerateAliasUse() {
        StringBuilder yaml = new StringBuilder("manifestVersion: 1.0.0\nmodel:\n  parameters:\n    base: &b {lr: 0.1}\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("    run").append(i).append(": *b\n");
        }

        assertThat(read(yaml.toString()).model().parameters().size()).isEqualTo(51);
    }
}
