package io.modelkit.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.modelkit.core.ModelKitException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code .kitignore} semantics. The tables restate, in our own form, the cases of Docker's
 * {@code moby/patternmatcher} tests (which include cases from Go's {@code filepath.Match} tests), so a
 * path is excluded here exactly when kit excludes it.
 */
class IgnoreRulesTest {

    static Stream<Arguments> singlePatternCases() {
        return Stream.of(
                arguments("*", "fileutils.go", true),
                arguments("*.go", "fileutils.go", true),
                arguments("**", "file", true),
                arguments("**", "file/", true),
                arguments("**/", "file", true),
                arguments("**/", "file/", true),
                arguments("**", "/", true),
                arguments("**/", "/", true),
                arguments("**", "dir/file", true),
                arguments("**/", "dir/file", true),
                arguments("**", "dir/file/", true),
                arguments("**/", "dir/file/", true),
                arguments("**/**", "dir/file", true),
                arguments("**/**", "dir/file/", true),
                arguments("dir/**", "dir/file", true),
                arguments("dir/**", "dir/file/", true),
                arguments("dir/**", "dir/dir2/file", true),
                arguments("dir/**", "dir/dir2/file/", true),
                arguments("**/dir", "dir", true),
                arguments("**/dir", "dir/file", true),
                arguments("**/dir2/*", "dir/dir2/file", true),
                arguments("**/dir2/*", "dir/dir2/file/", true),
                arguments("**/dir2/**", "dir/dir2/dir3/file", true),
                arguments("**/dir2/**", "dir/dir2/dir3/file/", true),
                arguments("**file", "file", true),
                arguments("**file", "dir/file", true),
                arguments("**/file", "dir/file", true),
                arguments("**file", "dir/dir/file", true),
                arguments("**/file", "dir/dir/file", true),
                arguments("**/file*", "dir/dir/file", true),
                arguments("**/file*", "dir/dir/file.txt", true),
                arguments("**/file*txt", "dir/dir/file.txt", true),
                arguments("**/file*.txt", "dir/dir/file.txt", true),
                arguments("**/file*.txt*", "dir/dir/file.txt", true),
                arguments("**/**/*.txt", "dir/dir/file.txt", true),
                arguments("**/**/*.txt2", "dir/dir/file.txt", false),
                arguments("**/*.txt", "file.txt", true),
                arguments("**/**/*.txt", "file.txt", true),
                arguments("a**/*.txt", "a/file.txt", true),
                arguments("a**/*.txt", "a/dir/file.txt", true),
                arguments("a**/*.txt", "a/dir/dir/file.txt", true),
                arguments("a/*.txt", "a/dir/file.txt", false),
                arguments("a/*.txt", "a/file.txt", true),
                arguments("a/*.txt**", "a/file.txt", true),
                arguments("a[b-d]e", "ae", false),
                arguments("a[b-d]e", "ace", true),
                arguments("a[b-d]e", "aae", false),
                arguments("a[^b-d]e", "aze", true),
                arguments(".*", ".foo", true),
                arguments(".*", "foo", false),
                arguments("abc.def", "abcdef", false),
                arguments("abc.def", "abc.def", true),
                arguments("abc.def", "abcZdef", false),
                arguments("abc?def", "abcZdef", true),
                arguments("abc?def", "abcdef", false),
                arguments("a\\\\", "a\\", true),
                arguments("**/foo/bar", "foo/bar", true),
                arguments("**/foo/bar", "dir/foo/bar", true),
                arguments("**/foo/bar", "dir/dir2/foo/bar", true),
                arguments("abc/**", "abc", false),
                arguments("abc/**", "abc/def", true),
                arguments("abc/**", "abc/def/ghi", true),
                arguments("**/.foo", ".foo", true),
                arguments("**/.foo", "bar.foo", false),
                arguments("a(b)c/def", "a(b)c/def", true),
                arguments("a(b)c/def", "a(b)c/xyz", false),
                arguments("a.|)$(}+{bc", "a.|)$(}+{bc", true),
                arguments("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
                arguments("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
                arguments("a\\*b", "a*b", true),
                // from Go's filepath.Match table; a match of any parent directory counts too
                arguments("abc", "abc", true),
                arguments("*", "abc", true),
                arguments("*c", "abc", true),
                arguments("a*", "a", true),
                arguments("a*", "abc", true),
                arguments("a*", "ab/c", true),
                arguments("a*/b", "abc/b", true),
                arguments("a*/b", "a/c/b", false),
                arguments("a*b*c*d*e*/f", "axbxcxdxe/f", true),
                arguments("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
                arguments("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
                arguments("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
                arguments("a*b?c*x", "abxbbxdbxebxczzx", true),
                arguments("a*b?c*x", "abxbbxdbxebxczzy", false),
                arguments("ab[c]", "abc", true),
                arguments("ab[b-d]", "abc", true),
                arguments("ab[e-g]", "abc", false),
                arguments("ab[^c]", "abc", false),
                arguments("ab[^b-d]", "abc", false),
                arguments("ab[^e-g]", "abc", true),
                arguments("a\\*b", "ab", false),
                arguments("a?b", "a☺b", true),
                arguments("a[^a]b", "a☺b", true),
                arguments("a???b", "a☺b", false),
                arguments("a[^a][^a][^a]b", "a☺b", false),
                arguments("[a-ζ]*", "α", true),
                arguments("*[a-ζ]", "A", false),
                arguments("a?b", "a/b", false),
                arguments("a*b", "a/b", false),
                arguments("[\\]a]", "]", true),
                arguments("[\\-]", "-", true),
                arguments("[x\\-]", "x", true),
                arguments("[x\\-]", "-", true),
                arguments("[x\\-]", "z", false),
                arguments("[\\-x]", "x", true),
                arguments("[\\-x]", "-", true),
                arguments("[\\-x]", "a", false),
                arguments("*x", "xxx", true),
                // RE2 takes '[' and '&' inside a class literally, where Java would nest or intersect
                arguments("[[&]x", "&x", true),
                arguments("[[&]x", "[x", true),
                arguments("[a&&b]", "&", true),
                // a supplementary character is one character for '?'
                arguments("a?b", "a\uD83D\uDE00b", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("singlePatternCases")
    void shouldMatchLikePatternmatcher(String pattern, String path, boolean expected) {
        assertThat(IgnoreRules.parse(pattern, ".kitignore").matches(path)).isEqualTo(expected);
    }

    static Stream<Arguments> multiPatternCases() {
        return Stream.of(
                arguments(List.of("!fileutils.go", "*.go"), "fileutils.go", true),
                arguments(List.of("*.go", "!fileutils.go"), "fileutils.go", false),
                arguments(List.of("docs", "!docs/README.md"), "docs/README.md", false),
                arguments(List.of("docs/", "!docs/README.md"), "docs/README.md", false),
                arguments(List.of("docs/*", "!docs/README.md"), "docs/README.md", false),
                arguments(List.of("**", "!util/docker/web"), "util/docker/web/foo", false),
                arguments(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", true),
                arguments(List.of("**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
                        "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
                arguments(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
                // kit's own ignore tests
                arguments(List.of("dir1"), "dir1/subdir1/subdir2/file.txt", true),
                arguments(List.of("dir1/*.txt"), "dir1/testfile.txt", true),
                arguments(List.of("**/testfile.txt"), "dir1/subdir1/subdir2/testfile.txt", true),
                arguments(List.of("dir1", "!dir1/testfile.txt"), "dir1/testfile.txt", false));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("multiPatternCases")
    void shouldApplyTheLastMatchingPatternAndItsExceptions(List<String> patterns, String path, boolean expected) {
        assertThat(IgnoreRules.parse(String.join("\n", patterns), ".kitignore").matches(path)).isEqualTo(expected);
    }

    static Stream<Arguments> compiledForms() {
        return Stream.of(
                arguments("*", IgnorePattern.Kind.REGEX, "^[^/]*$"),
                arguments("file*", IgnorePattern.Kind.REGEX, "^file[^/]*$"),
                arguments("*file", IgnorePattern.Kind.REGEX, "^[^/]*file$"),
                arguments("a*/b", IgnorePattern.Kind.REGEX, "^a[^/]*/b$"),
                arguments("**", IgnorePattern.Kind.SUFFIX, null),
                arguments("**/**", IgnorePattern.Kind.REGEX, "^(.*/)?.*$"),
                arguments("dir/**", IgnorePattern.Kind.PREFIX, null),
                arguments("**/dir", IgnorePattern.Kind.SUFFIX, null),
                arguments("**/dir2/*", IgnorePattern.Kind.REGEX, "^(.*/)?dir2/[^/]*$"),
                arguments("**/dir2/**", IgnorePattern.Kind.REGEX, "^(.*/)?dir2/.*$"),
                arguments("**file", IgnorePattern.Kind.SUFFIX, null),
                arguments("**/file*txt", IgnorePattern.Kind.REGEX, "^(.*/)?file[^/]*txt$"),
                arguments("**/**/*.txt", IgnorePattern.Kind.REGEX, "^(.*/)?(.*/)?[^/]*\\.txt$"),
                arguments("a[b-d]e", IgnorePattern.Kind.REGEX, "^a[b-d]e$"),
                arguments(".*", IgnorePattern.Kind.REGEX, "^\\.[^/]*$"),
                arguments("abc.def", IgnorePattern.Kind.EXACT, null),
                arguments("abc?def", IgnorePattern.Kind.REGEX, "^abc[^/]def$"),
                arguments("**/foo/bar", IgnorePattern.Kind.SUFFIX, null),
                arguments("a(b)c/def", IgnorePattern.Kind.EXACT, null),
                arguments("a.|)$(}+{bc", IgnorePattern.Kind.EXACT, null),
                arguments("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", IgnorePattern.Kind.EXACT, null));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("compiledForms")
    void shouldClassifyAndCompileLikePatternmatcher(String pattern, IgnorePattern.Kind kind, String goRegex) {
        IgnorePattern compiled = IgnorePattern.compile(pattern);
        assertThat(compiled.kind()).isEqualTo(kind);
        assertThat(compiled.goRegex()).isEqualTo(goRegex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPatterns")
    void shouldRejectMalformedPatternsNamingFileAndLine(String pattern) {
        assertThatThrownBy(() -> IgnoreRules.parse("# comment\nok\n" + pattern + "\n", "models/.kitignore"))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("models/.kitignore line 3: invalid pattern '" + pattern + "'");
    }

    static Stream<String> malformedPatterns() {
        return Stream.of("[", "[^", "[^bc", "a[", "[]a]", "[-]", "[x-]", "[-x]", "[a-b-c]", "\\", "!",
                "[Local-Only]", "a\\y");
    }

    @Test
    void shouldReadIgnoreFilesLikeDockerIgnorefile() {
        IgnoreRules rules = IgnoreRules.parse("\uFEFFtest1\n/test2\r\n/a/file/here\n\nlastfile\n# this is a comment\n"
                + "! /inverted/abs/path\n  # not a comment\n./dot/slash/\n", ".kitignore");

        assertThat(rules.matches("test1")).isTrue();
        assertThat(rules.matches("test2/x")).isTrue();
        assertThat(rules.matches("a/file/here")).isTrue();
        assertThat(rules.matches("lastfile")).isTrue();
        assertThat(rules.matches("# this is a comment")).isFalse();
        assertThat(rules.matches("# not a comment")).isTrue();
        assertThat(rules.matches("dot/slash/file")).isTrue();
        assertThat(rules.hasExceptions()).isTrue();
    }

    @Test
    void shouldRejectAnExceptionWithoutPattern() {
        assertThatThrownBy(() -> IgnoreRules.parse("a\n! \n", ".kitignore"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage(".kitignore line 2: invalid pattern '!': illegal exclusion pattern \"!\"");
    }

    @Test
    void shouldCleanPathsBeforeMatching() {
        IgnoreRules rules = IgnoreRules.parse("models/*.bin", ".kitignore");

        assertThat(rules.matches("./models/a.bin")).isTrue();
        assertThat(rules.matches("models//b.bin ")).isTrue();
        assertThat(rules.matches("models/sub/../c.bin")).isTrue();
        assertThat(rules.matches("models/sub/c.bin")).isFalse();
    }

    @Test
    void shouldAlwaysExcludeKitfilesAndIgnoreFileAtTheTop() {
        IgnoreRules rules = IgnoreRules.none();

        assertThat(List.of("Kitfile", "kitfile", ".kitfile", ".kitignore", "Kitfile/inside"))
                .allMatch(rules::matches);
        assertThat(rules.matches("models/Kitfile")).isFalse();
        assertThat(rules.matches("KITFILE")).isFalse();
        assertThat(rules.hasExceptions()).isFalse();
    }

    @Test
    void shouldNotLetAnExceptionReincludeTheKitfile() {
        IgnoreRules rules = IgnoreRules.parse("!Kitfile", ".kitignore");

        assertThat(rules.matches("Kitfile")).isTrue();
        assertThat(rules.hasExceptions()).isTrue();
    }

    @Test
    void shouldIgnoreNothingButKitFilesWhenEmpty() {
        IgnoreRules rules = IgnoreRules.parse("\n# only comments\n   \n", ".kitignore");

        assertThat(rules.matches("anything/at/all")).isFalse();
        assertThat(rules.hasExceptions()).isFalse();
    }
}
