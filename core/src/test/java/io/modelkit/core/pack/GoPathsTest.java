package io.modelkit.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's path cleaning, which decides the names and prefix tests of every layer; rows follow Go's own table. */
class GoPathsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {
        "'', .", "abc, abc", "abc/def, abc/def", "a/b/c, a/b/c", "., .", "'..', '..'", "../.., ../..",
        "../../abc, ../../abc", "/abc, /abc", "/, /", "abc/, abc", "a/b/c/, a/b/c", "/abc/, /abc",
        "abc//def//ghi, abc/def/ghi", "//abc, /abc", "///abc, /abc", "//abc//, /abc", "abc//, abc",
        "abc/./def, abc/def", "/./abc/def, /abc/def", "abc/., abc", "abc/def/ghi/../jkl, abc/def/jkl",
        "abc/def/../ghi/../jkl, abc/jkl", "abc/def/.., abc", "abc/def/../.., .", "/abc/def/../.., /",
        "abc/def/../../.., ..", "/abc/def/../../.., /", "abc/def/../../../ghi/jkl/../../../mno, ../../mno",
        "abc/./../def, def", "abc//./../def, def", "abc/../../././../def, ../../def", "./models/, models",
        "!./x, !./x"})
    void shouldCleanLikeGo(String path, String cleaned) {
        assertThat(GoPaths.clean(path)).isEqualTo(cleaned);
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

    @Test
    void shouldOrderByUtf8Bytes() {
        List<String> names = new ArrayList<>(List.of("b", "\uD83D\uDE00", "a/", "a-b", "\uFF5E", "a", "B", "é"));
        names.sort(GoPaths::compareUtf8);

        assertThat(names).containsExactly("B", "a", "a-b", "a/", "b", "é", "\uFF5E", "\uD83D\uDE00");
    }
}
