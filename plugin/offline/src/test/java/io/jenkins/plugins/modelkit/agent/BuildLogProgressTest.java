package io.jenkins.plugins.modelkit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress in a build log: a start line, at most one line per interval, and an end line with the rate. */
class BuildLogProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final BuildLogProgress progress = new BuildLogProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Duration.ofSeconds(15), now::get);

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteOneLinePerIntervalWhateverTheNumberOfSteps() {
        long mib = 1 << 20;
        progress.started("model layer model/", 1024 * mib);
        for (int second = 1; second <= 40; second++) {
            now.set(Duration.ofSeconds(second).toNanos());
            for (int step = 0; step < 100; step++) {
                progress.advanced("model layer model/", mib / 4);
            }
        }
        progress.finished("model layer model/");

        assertThat(log().lines()).containsExactly(
                "[modelkit] model layer model/ (1.0 GiB)",
                "[modelkit] model layer model/: 350.3 MiB of 1.0 GiB (34%), 23.4 MiB/s",
                "[modelkit] model layer model/: 725.3 MiB of 1.0 GiB (70%), 24.2 MiB/s",
                "[modelkit] model layer model/: done, 1000.0 MiB in 40.0 s, 25.0 MiB/s");
    }

    @Test
    void shouldPassWarningsAndInformationThrough() {
        progress.warn("skipping symlink data/latest");
        progress.info("Pushed sha256:abc");
        progress.advanced("unknown task", 10);
        progress.finished("unknown task");

        assertThat(log().lines()).containsExactly("[modelkit] WARNING: skipping symlink data/latest",
                "[modelkit] Pushed sha256:abc");
    }
}
