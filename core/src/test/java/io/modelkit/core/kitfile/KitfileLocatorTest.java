package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitfileLocatorTest {

    @Test
    void shouldPreferKitfileThenLowerCaseThenHidden(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".kitfile"), "manifestVersion: 1.0.0\n");
        assertThat(KitfileLocator.find(dir)).isEqualTo(dir.resolve(".kitfile"));

        Files.writeString(dir.resolve("kitfile"), "manifestVersion: 1.0.0\n");
        assertThat(KitfileLocator.find(dir).getFileName().toString()).isIn("kitfile", "Kitfile");

        Files.writeString(dir.resolve("Kitfile"), "manifestVersion: 1.0.0\n");
        assertThat(KitfileLocator.find(dir)).isEqualTo(dir.resolve("Kitfile"));
    }

    @Test
    void shouldNameTheDirectoryAndTheNamesTried(@TempDir Path dir) {
        assertThatThrownBy(() -> KitfileLocator.find(dir))
                .isInstanceOf(KitfileException.class)
                .hasMessage(dir + ": no Kitfile found (tried Kitfile, kitfile, .kitfile)");
        assertThatThrownBy(() -> KitfileLocator.find(dir.resolve("absent")))
                .hasMessage(dir.resolve("absent") + ": is not a directory, so it has no Kitfile");
    }

    @Test
    void shouldKnowTheDefaultNames() {
        assertThat(KitfileLocator.isDefaultName(".kitfile")).isTrue();
        assertThat(KitfileLocator.isDefaultName("KITFILE")).isFalse();
    }
}
