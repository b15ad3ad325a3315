package io.modelkit.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerContentsTest {
    @TempDir
    Path context;

    private final List<String> warnings = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @Test
    void shouldWalkInGoOrderWithDirectoriesBeforeTheirContents() throws IOException {
        for (String name : List.of("m/b", "m/B", "m/_", "m/a.txt", "m/a/child", "m/a-b", "m/é", "m/\uFF5E", "m/\uD83D\uDE00")) {
            write(name);
        }

        // '-' (0x2d) sorts before '/' (0x2f), yet a directory's contents come right after it;
        // U+FF5E sorts before U+1F600 by UTF-8 bytes although its UTF-16 form sorts after
        assertThat(names(collect("m"))).containsExactly(
                "m", "m/B", "m/_", "m/a", "m/a/child", "m/a-b", "m/a.txt", "m/b", "m/é", "m/\uFF5E", "m/\uD83D\uDE00");
    }

    @Test
    void shouldGiveEveryAncestorDirectoryOfTheLayerPathItsOwnEntry() throws IOException {
        write("a/b/c/model.bin");
        write("a/b/c/sub/more.bin");
        write("a/b/sibling.txt");
        write("a/other/x.txt");
        write("top.txt");

        assertThat(collect("a/b/c")).extracting(TarEntrySource::name, TarEntrySource::directory).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", true),
                org.assertj.core.groups.Tuple.tuple("a/b", true),
                org.assertj.core.groups.Tuple.tuple("a/b/c", true),
                org.assertj.core.groups.Tuple.tuple("a/b/c/model.bin", false),
                org.assertj.core.groups.Tuple.tuple("a/b/c/sub", true),
                org.assertj.core.groups.Tuple.tuple("a/b/c/sub/more.bin", false));
    }

    @Test
    void shouldPackASingleFileLayerWithItsDirectories() throws IOException {
        write("models/m1.gguf");
        write("models/m2.gguf");

        assertThat(names(collect("./models/m1.gguf"))).containsExactly("models", "models/m1.gguf");
    }

    @Test
    void shouldGiveTheSameNamesWhateverTheLayerPathSpelling() throws IOException {
        write("models/sub/m.bin");

        List<String> expected = List.of("models", "models/sub", "models/sub/m.bin");
        for (String spelling : List.of("models", "./models", "models/", "./models//", "models/sub/..")) {
            assertThat(names(collect(spelling))).as(spelling).isEqualTo(expected);
        }
    }

    @Test
    void shouldRecordSizesAndPermissionBitsIncludingSpecialBits() throws IOException, InterruptedException {
        write("d/file.bin", "12345");
        write("d/tool");
        chmod("0640", "d/file.bin");
        chmod("4755", "d/tool");
        chmod("1777", "d");

        List<TarEntrySource> entries = collect("d");

        assertThat(entries).containsExactly(
                new TarEntrySource("d", context.resolve("d"), true, 0, 01777),
                new TarEntrySource("d/file.bin", context.resolve("d/file.bin"), false, 5, 0640),
                new TarEntrySource("d/tool", context.resolve("d/tool"), false, 0 + "testing: d/tool".length(), 04755));
    }

    @Test
    void shouldLeaveOutKitfilesAndTheIgnoreFileOnlyAtTheTop() throws IOException {
        for (String name : List.of("Kitfile", "kitfile", ".kitfile", ".kitignore", "models/Kitfile", "readme.md")) {
            write(name);
        }

        assertThat(names(collect("."))).containsExactly("models", "models/Kitfile", "readme.md");
    }

    @Test
    void shouldLeavePathsOfOtherLayersOutOfAContainingLayer() throws IOException {
        write("main/model.bin");
        write("main/subdir/testfile.txt");
        write("main/subdir/other.txt");
        List<String> layers = List.of("main", "main/subdir");

        assertThat(names(collect("main", layers, IgnoreRules.none()))).containsExactly("main", "main/model.bin");
        assertThat(names(collect("main/subdir", layers, IgnoreRules.none())))
                .containsExactly("main", "main/subdir", "main/subdir/other.txt", "main/subdir/testfile.txt");
        assertThat(names(collect("main/subdir", layers, IgnoreRules.parse("**/testfile.txt", ".kitignore"))))
                .containsExactly("main", "main/subdir", "main/subdir/other.txt");
    }

    @Test
    void shouldLetOtherLayersClaimPathsByPlainStringPrefix() throws IOException {
        write("data/a.csv");
        write("data2/b.csv");
        write("code/run.py");
        List<String> layers = List.of(".", "data");

        // kit's prefix test: the layer "data" also claims "data2", so no layer packs data2/b.csv
        assertThat(names(collect(".", layers, IgnoreRules.none()))).containsExactly("code", "code/run.py");
        assertThat(names(collect("data", layers, IgnoreRules.none()))).containsExactly("data", "data/a.csv");
    }

    @Test
    void shouldPruneIgnoredDirectoriesWithoutExceptions() throws IOException {
        write("m/keep.txt");
        write("m/cache/a.bin");
        write("m/cache/b.bin");

        assertThat(names(collect("m", List.of("m"), IgnoreRules.parse("m/cache", ".kitignore"))))
                .containsExactly("m", "m/keep.txt");
    }

    @Test
    void shouldVisitIgnoredDirectoriesForExceptionsButNotListThem() throws IOException {
        write("m/keep.txt");
        write("m/cache/a.bin");
        write("m/cache/wanted.bin");

        IgnoreRules rules = IgnoreRules.parse("m/cache\n!m/cache/wanted.bin", ".kitignore");

        // as in kit, the re-included file goes in without an entry for its excluded directory
        assertThat(names(collect("m", List.of("m"), rules))).containsExactly("m", "m/cache/wanted.bin", "m/keep.txt");
    }

    @Test
    void shouldWarnWhenTheLayerPathItselfIsIgnored() throws IOException {
        write("m/a.bin");

        assertThat(collect("m", List.of("m"), IgnoreRules.parse("m", ".kitignore"))).isEmpty();
        assertThat(warnings).containsExactly("layer path 'm' is excluded by .kitignore");
    }

    @Test
    void shouldSkipSymlinksAndSpecialFilesWithAWarningNamingThem() throws IOException, InterruptedException {
        write("m/real.bin");
        write("elsewhere/target.bin");
        Files.createSymbolicLink(context.resolve("m/link.bin"), context.resolve("m/real.bin"));
        Files.createSymbolicLink(context.resolve("m/linkdir"), context.resolve("elsewhere"));
        Files.createSymbolicLink(context.resolve("elsewhere/outside-link"), context.resolve("m"));
        run("mkfifo", context.resolve("m/pipe").toString());

        assertThat(names(collect("m"))).containsExactly("m", "m/real.bin");
        assertThat(warnings).containsExactly(
                "skipping symbolic link 'm/link.bin': only regular files and directories are packed",
                "skipping symbolic link 'm/linkdir': only regular files and directories are packed",
                "skipping special file 'm/pipe': only regular files and directories are packed");
    }

    @Test
    void shouldKeepNamesContainingTwoDots() throws IOException {
        write("m/v1..2.bin");

        // kit's filepath.Rel test would drop this file; it is a regular file of the layer, so we keep it
        assertThat(names(collect("m"))).containsExactly("m", "m/v1..2.bin");
    }

    @Test
    void shouldFailForALayerPathThatDoesNotExist() {
        assertThatThrownBy(() -> collect("./missing/model.bin"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("layer path './missing/model.bin' does not exist in " + context);
    }

    @Test
    void shouldFailForALayerPathOutsideTheContext() {
        for (String path : List.of("../elsewhere", "/etc", "a/../../b")) {
            assertThatThrownBy(() -> collect(path))
                    .isInstanceOf(ModelKitException.class)
                    .hasMessage("layer path '" + path + "' is outside the context directory " + context);
        }
    }

    private List<TarEntrySource> collect(String layerPath) {
        return collect(layerPath, List.of(layerPath), IgnoreRules.none());
    }

    private List<TarEntrySource> collect(String layerPath, List<String> layers, IgnoreRules rules) {
        return LayerContents.collect(context, layerPath, layers, rules, listener);
    }

    private static List<String> names(List<TarEntrySource> entries) {
        return entries.stream().map(TarEntrySource::name).toList();
    }

    private void write(String name) throws IOException {
        write(name, "testing: " + name);
    }

    private void write(String name, String content) throws IOException {
        Path file = context.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void chmod(String mode, String name) throws IOException, InterruptedException {
        run("chmod", mode, context.resolve(name).toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
