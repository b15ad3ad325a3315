package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives: each must fail with a message naming the entry, write nothing outside the
 * target, and leave nothing of itself inside it.
 */
class SafeTarExtractorHostileTest {
    @TempDir
    Path root;

    private Path target;
    private Path sentinel;
    /** Where GNU tar fixtures are made; not part of what must stay unchanged. */
    private Path work;
    private Map<String, String> outsideBefore;

    @BeforeEach
    void createTargetAndSentinel() throws IOException {
        target = Files.createDirectories(root.resolve("target"));
        sentinel = Files.createDirectories(root.resolve("sentinel"));
        Trees.write(sentinel.resolve("secret.txt"), "do not touch", "rw-r-----");
        work = Files.createDirectories(root.resolve("work"));
        outsideBefore = Trees.snapshot(root, target, work);
    }

    @AfterEach
    void nothingChangedOutsideTheTarget() {
        assertThat(Trees.snapshot(root, target, work)).isEqualTo(outsideBefore);
    }

    @Test
    void shouldRefuseAbsolutePath() {
        String name = sentinel.resolve("abs.txt").toString();
        byte[] tar = new TarBuilder().file(name, "pwned").end().bytes();

        assertRefused(tar, name, "absolute paths are not allowed");
    }

    @Test
    void shouldRefuseParentTraversal() {
        byte[] tar = new TarBuilder().file("../sentinel/evil.txt", "pwned").end().bytes();

        assertRefused(tar, "../sentinel/evil.txt", "'..' path components are not allowed");
    }

    @Test
    void shouldRefuseTraversalHiddenInsideTheName() {
        byte[] tar = new TarBuilder().dir("a", 0755).file("a/../../sentinel/evil.txt", "pwned").end().bytes();

        assertRefused(tar, "a/../../sentinel/evil.txt", "'..' path components are not allowed");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldRefuseTraversalInPaxPath() {
        byte[] tar = new TarBuilder().paxFile("ok/../../sentinel/" + "x".repeat(120), new byte[] {1}, 0644).end().bytes();

        assertRefused(tar, "ok/../../sentinel/" + "x".repeat(120), "'..'");
    }

    @Test
    void shouldRefuseSymlinkAndTheFileWrittenThroughIt() {
        byte[] tar = new TarBuilder()
                .file("before.txt", "staged first")
                .symlink("escape", "../sentinel")
                .file("escape/pwned.txt", "pwned")
                .end().bytes();

        assertRefused(tar, "escape", "symbolic links are not supported (link to '../sentinel')");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldRefuseSymlinkToEtc() {
        byte[] tar = new TarBuilder().symlink("etc", "/etc").file("etc/passwd", "root::0:0::/:/bin/sh").end().bytes();

        assertRefused(tar, "etc", "symbolic links are not supported (link to '/etc')");
    }

    @Test
    void shouldRefuseHardLinkToEtcPasswd() {
        byte[] tar = new TarBuilder().hardLink("passwd", "/etc/passwd").end().bytes();

        assertRefused(tar, "passwd", "hard links are not supported (link to '/etc/passwd')");
    }

    @Test
    void shouldRefuseFifo() {
        byte[] tar = new TarBuilder().fifo("pipe").end().bytes();

        assertRefused(tar, "pipe", "FIFO entries are not supported");
    }

    @Test
    void shouldRefuseCharacterDevice() {
        byte[] tar = new TarBuilder().charDevice("null").end().bytes();

        assertRefused(tar, "null", "character device entries are not supported");
    }

    @Test
    void shouldRefuseBlockDevice() {
        byte[] tar = new TarBuilder().blockDevice("sda").end().bytes();

        assertRefused(tar, "sda", "block device entries are not supported");
    }

    @Test
    void shouldRefuseUnknownAndSparseTypes() {
        assertRefused(new TarBuilder().entry('S', "sparse", "", 0644, new byte[0]).end().bytes(), "sparse",
                "sparse files are not supported");
        assertRefused(new TarBuilder().entry('Z', "odd", "", 0644, new byte[0]).end().bytes(), "odd",
                "entry type 'Z' is not supported");
        assertRefused(new TarBuilder().paxHeader("GNU.sparse.major", "1", "GNU.sparse.minor", "0")
                .file("pax-sparse", "x").end().bytes(), "pax-sparse", "sparse files are not supported");
    }

    @Test
    void shouldRefuseFileThroughSymlinkAlreadyInTheTarget() throws IOException {
        Files.createSymbolicLink(target.resolve("link"), Path.of("../sentinel"));
        byte[] tar = new TarBuilder().file("link/secret.txt", "pwned").end().bytes();

        assertRefused(tar, "link/secret.txt", "'link' is a symbolic link");
        assertThat(Trees.snapshot(target)).containsOnlyKeys("link");
    }

    @Test
    void shouldRefuseDirectoryEntryOnSymlinkAlreadyInTheTarget() throws IOException {
        Files.createSymbolicLink(target.resolve("data"), sentinel);
        byte[] tar = new TarBuilder().dir("data", 0777).dir("data/sub", 0777).end().bytes();

        assertRefused(tar, "data", "'data' is a symbolic link");
    }

    @Test
    void shouldRefuseDeepPathThroughSymlinkAlreadyInTheTarget() throws IOException {
        Files.createDirectories(target.resolve("a/b"));
        Files.createSymbolicLink(target.resolve("a/b/c"), sentinel);
        byte[] tar = new TarBuilder().file("a/b/c/d/e.txt", "pwned").end().bytes();

        assertRefused(tar, "a/b/c/d/e.txt", "'a/b/c' is a symbolic link");
    }

    @Test
    void shouldNeverReplaceExistingSymlinkEvenWithOverwrite() throws IOException {
        Files.createSymbolicLink(target.resolve("secret.txt"), sentinel.resolve("secret.txt"));
        byte[] tar = new TarBuilder().file("secret.txt", "pwned").end().bytes();

        ExtractOptions overwrite = ExtractOptions.builder().overwrite(true).build();
        assertThatThrownBy(() -> extract(tar, overwrite))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("tar entry 'secret.txt'")
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.isSymbolicLink(target.resolve("secret.txt"))).isTrue();
    }

    @Test
    void shouldRefuseBaseDirectoryThatLeavesTheTarget() {
        byte[] tar = new TarBuilder().file("m1.gguf", "weights").end().bytes();
        ExtractOptions options = ExtractOptions.builder().baseDir("../sentinel").build();

        assertThatThrownBy(() -> extract(tar, options))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("base directory '../sentinel'")
                .hasMessageContaining("'..'");
    }

    @Test
    void shouldRefuseGnuTarArchiveWithAbsoluteName() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Path absolute = sentinel.resolve("secret.txt");
        byte[] tar = Trees.gnuTar(work, "-P", absolute.toString());

        assertRefused(tar, absolute.toString(), "absolute paths are not allowed");
    }

    @Test
    void shouldRefuseGnuTarArchiveWithDotDot() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        byte[] tar = Trees.gnuTar(work, "-P", "../sentinel/secret.txt");

        assertRefused(tar, "../sentinel", "'..' path components are not allowed");
    }

    @Test
    void shouldRefuseGnuTarArchiveWithSymlink() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Files.createSymbolicLink(work.resolve("etc-link"), Path.of("/etc"));
        byte[] tar = Trees.gnuTar(work, "etc-link");

        assertRefused(tar, "etc-link", "symbolic links are not supported (link to '/etc')");
    }

    @Test
    void shouldRefuseGnuTarArchiveWithHardLink() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Files.writeString(work.resolve("original.txt"), "content");
        Files.createLink(work.resolve("second.txt"), work.resolve("original.txt"));
        byte[] tar = Trees.gnuTar(work, "original.txt", "second.txt");

        assertRefused(tar, "second.txt", "hard links are not supported (link to 'original.txt')");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldRefuseGnuTarArchiveWithFifo() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Process mkfifo = new ProcessBuilder("mkfifo", work.resolve("pipe").toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        byte[] tar = Trees.gnuTar(work, "pipe");

        assertRefused(tar, "pipe", "FIFO entries are not supported");
    }

    @Test
    void shouldRefuseGnuTarArchiveWithCharacterDevice() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        byte[] tar = Trees.gnuTar(work, "-C", "/dev", "null");

        assertRefused(tar, "null", "character device entries are not supported");
    }

    private void assertRefused(byte[] tar, String entryName, String reason) {
        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("'" + entryName)
                .hasMessageContaining(reason);
        try {
            assertThat(Trees.temporaries(target)).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ExtractResult extract(byte[] tar, ExtractOptions options) {
        return SafeTarExtractor.extract(new ByteArrayInputStream(tar), target, options, ProgressListener.NONE);
    }
}
