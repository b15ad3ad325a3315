package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliContextTest {
    @Test
    void shouldUseColourOnlyOnATerminalWithoutNoColor() {
        assertThat(context(Map.of(), true).color()).isTrue();
        assertThat(context(Map.of("NO_COLOR", "1"), true).color()).isFalse();
        assertThat(context(Map.of("NO_COLOR", ""), true).color()).as("an empty NO_COLOR does not count").isTrue();
        assertThat(context(Map.of(), false).color()).isFalse();
    }

    private static CliContext context(Map<String, String> env, boolean terminal) {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), env, terminal);
    }
}
