package io.modelkit.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1 << 20;

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void shouldPrintPlainLinesEveryFewSecondsWhenNotOnATerminal() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false, false, false, clock::get);
        progress.started("model model.bin", 100 * MIB);
        clock.set(SECOND);
        progress.advanced("model model.bin", 10 * MIB);
        assertThat(text.toString()).as("nothing before five seconds").isEmpty();
        clock.set(5 * SECOND);
        progress.advanced("model model.bin", 40 * MIB);
        clock.set(10 * SECOND);
        progress.advanced("model model.bin", 50 * MIB);
        progress.finished("model model.bin");

        assertThat(text.toString()).isEqualTo(
                "model model.bin: 50.0 MiB / 100.0 MiB (50%), 10.5 MB/s, ETA 5s\n"
                        + "model model.bin: 100.0 MiB / 100.0 MiB (100%), 10.5 MB/s\n"
                        + "model model.bin: 100.0 MiB in 10.0s (10.5 MB/s)\n");
    }

    @Test
    void shouldDrawABarOnATerminalAndEraseItWhenDone() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), true, true, false, clock::get);
        progress.started("dataset data", 4 * MIB);
        clock.set(SECOND);
        progress.advanced("dataset data", MIB);
        assertThat(text.toString()).contains("[######------------------] dataset data: 1.0 MiB / 4.0 MiB (25%), 1.0 MB/s, ETA 3s");
        clock.set(2 * SECOND);
        progress.advanced("dataset data", 3 * MIB);
        progress.finished("dataset data");
        assertThat(text.toString()).contains("\u001b[1F\u001b[J").endsWith("dataset data: 4.0 MiB in 2.0s (2.1 MB/s)\n");
    }

    @Test
    void shouldColourWarningsOnlyWhenAllowed() {
        new ConsoleProgress(new PrintWriter(text, true), true, true, false, clock::get).warn("skipping symlink src/x");
        assertThat(text.toString()).isEqualTo("\u001b[33mwarning:\u001b[0m skipping symlink src/x\n");
        StringWriter plain = new StringWriter();
        new ConsoleProgress(new PrintWriter(plain, true), true, false, false, clock::get).warn("skipping symlink src/x");
        assertThat(plain.toString()).isEqualTo("warning: skipping symlink src/x\n");
    }

    @Test
    void shouldStayQuietWhenAskedButStillWarn() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false, false, true, clock::get);
        progress.started("code src", 10);
        clock.set(10 * SECOND);
        progress.advanced("code src", 10);
        progress.finished("code src");
        progress.info("Saved");
        progress.warn("careful");
        assertThat(text.toString()).isEqualTo("warning: careful\n");
    }
}
