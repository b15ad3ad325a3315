package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathsTest {

    @ParameterizedTest(name = "Clean({0})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``               | .",
        "./a/b/           | a/b",
        "a//b/./c/..      | a/b",
        "../../a          | ../../a",
        "a/../..          | ..",
        "/../a            | /a",
        "/                | /",
        "./               | .",
    })
    void shouldCleanAsGoDoes(String path, String cleaned) {
        assertThat(GoPaths.clean(path)).isEqualTo(cleaned);
    }

    @ParameterizedTest(name = "IsLocal({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a/b        | true",
        ".          | true",
        "a/../b     | true",
        "..         | false",
        "a/../../b  | false",
        "/a         | false",
        "``         | false",
        "..a        | true",
    })
    void shouldTellLocalPathsAsGoDoes(String path, boolean local) {
        assertThat(GoPaths.isLocal(path)).isEqualTo(local);
    }

    @ParameterizedTest(name = "Rel({0}, {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "data/train | data/train/code | code",
        "data/train | data/train-eval | ../train-eval",
        "data/train | code            | ../../code",
        "data       | data            | .",
        ".          | src             | src",
        "a/b        | a               | ..",
        "..         | a               | ``",
        "data       | /abs            | ``",
    })
    void shouldRelateAsGoDoes(String base, String target, String relative) {
        assertThat(GoPaths.rel(base, target)).isEqualTo(relative.isEmpty() ? null : relative);
    }

    @Test
    void shouldTakeDirectoriesAndJoinLikeGo() {
        assertThat(GoPaths.dir("a/b/c")).isEqualTo("a/b");
        assertThat(GoPaths.dir("a")).isEqualTo(".");
        assertThat(GoPaths.dir("/a")).isEqualTo("/");
        assertThat(GoPaths.join("a/b/", "PaxHeaders.0", "c")).isEqualTo("a/b/PaxHeaders.0/c");
        assertThat(GoPaths.join("", "PaxHeaders.0", "c")).isEqualTo("PaxHeaders.0/c");
        assertThat(GoPaths.join("", "")).isEmpty();
    }

    @Test
    void shouldTrimUnicodeWhiteSpaceLikeGo() {
        assertThat(GoPaths.trimSpace("\u00a0\t x y \r\n\u3000\u2028")).isEqualTo("x y");
        assertThat(GoPaths.trimSpace("\u200bx")).isEqualTo("\u200bx"); // a zero-width space is not white space
    }
}
