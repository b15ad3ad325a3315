package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTarExtractorTest {
    private static final String LONG_COMPONENT = "a-file-name-that-is-much-longer-than-the-one-hundred-bytes-a-plain-"
            + "ustar-header-can-hold-in-its-name-field.bin";

    @TempDir
    Path root;

    private Path target;

    @BeforeEach
    void createTarget() {
        target = root.resolve("target");
    }

    @ParameterizedTest(name = "GNU tar --format={0}")
    @ValueSource(strings = {"gnu", "pax", "posix", "oldgnu"})
    void shouldExtractGnuTarArchiveIdentically(String format) throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Path source = sampleTree(root.resolve("source"));
        byte[] tar = Trees.gnuTar(source, "--format=" + format, ".");

        ExtractResult result = extract(tar, ExtractOptions.defaults());

        assertThat(Trees.snapshot(target)).isEqualTo(Trees.snapshot(source));
        assertThat(result.filesWritten()).isEqualTo(6);
        assertThat(result.bytesWritten()).isEqualTo(3 * 1024 * 1024 + 5 + 11 + 6 + 7);
    }

    @Test
    void shouldExtractUstarArchiveWithPrefixedNames() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Path source = root.resolve("source");
        String deepDir = String.join("/", Collections.nCopies(8, "nested-directory"));
        Trees.write(source.resolve(deepDir).resolve("weights.bin"), "deep content", "rw-r--r--");
        assertThat((deepDir + "/weights.bin").length()).isGreaterThan(100);
        byte[] tar = Trees.gnuTar(source, "--format=ustar", "nested-directory");

        extract(tar, ExtractOptions.defaults());

        assertThat(target.resolve(deepDir).resolve("weights.bin")).hasContent("deep content");
        assertThat(Trees.snapshot(target)).isEqualTo(Trees.snapshot(source));
    }

    @Test
    void shouldReadTheHeaderVariantsGoWrites() throws IOException {
        String paxName = "models/" + LONG_COMPONENT;
        byte[] tar = new TarBuilder()
                .dir("models", 0755)
                .paxFile(paxName, "pax".getBytes(StandardCharsets.UTF_8), 0640)
                .paxFile("données/modèle.bin", "utf8".getBytes(StandardCharsets.UTF_8), 0644)
                .prefixedFile("a/b", "c.txt", "prefixed")
                .gnuLongNameFile("gnu/" + LONG_COMPONENT, "gnu long name")
                .base256SizeFile("base256.txt", "size in base-256")
                .entry('\0', "old-style.txt", "", 0600, "typeflag NUL".getBytes(StandardCharsets.UTF_8))
                .entry('\0', "old-style-dir/", "", 0700, new byte[0])
                .end().bytes();

        extract(tar, ExtractOptions.defaults());

        assertThat(target.resolve(paxName)).hasContent("pax");
        assertThat(Trees.mode(target.resolve(paxName))).isEqualTo("rw-r-----");
        assertThat(target.resolve("données/modèle.bin")).hasContent("utf8");
        assertThat(target.resolve("a/b/c.txt")).hasContent("prefixed");
        assertThat(target.resolve("gnu/" + LONG_COMPONENT)).hasContent("gnu long name");
        assertThat(target.resolve("base256.txt")).hasContent("size in base-256");
        assertThat(target.resolve("old-style.txt")).hasContent("typeflag NUL");
        assertThat(Trees.mode(target.resolve("old-style.txt"))).isEqualTo("rw-------");
        assertThat(target.resolve("old-style-dir")).isDirectory();
        assertThat(Trees.mode(target.resolve("old-style-dir"))).isEqualTo("rwx------");
    }

    @Test
    void shouldApplyPermissionBitsOnlyAndDirectoryModesAfterTheirContents() throws IOException {
        byte[] tar = new TarBuilder()
                .dir("locked", 0555)
                .file("locked/inside.txt", "x".getBytes(StandardCharsets.UTF_8), 0444)
                .file("setuid", "x".getBytes(StandardCharsets.UTF_8), 04755)
                .file("sticky-setgid", "x".getBytes(StandardCharsets.UTF_8), 03750)
                .end().bytes();

        extract(tar, ExtractOptions.defaults());

        assertThat(Trees.mode(target.resolve("locked"))).isEqualTo("r-xr-xr-x");
        assertThat(Trees.mode(target.resolve("locked/inside.txt"))).isEqualTo("r--r--r--");
        assertThat(Trees.mode(target.resolve("setuid"))).isEqualTo("rwxr-xr-x");
        assertThat(Trees.mode(target.resolve("sticky-setgid"))).isEqualTo("rwxr-x---");
    }

    @Test
    void shouldHonourTheUmaskAsKitAndTarDo() throws IOException {
        byte[] tar = new TarBuilder()
                .dir("shared", 0777)
                .file("shared/open.txt", "x".getBytes(StandardCharsets.UTF_8), 0666)
                .end().bytes();

        extract(tar, ExtractOptions.defaults());

        assertThat(Umask.get()).as("the process umask").isNotZero();
        assertThat(Trees.mode(target.resolve("shared"))).isEqualTo(modeString(0777 & ~Umask.get()));
        assertThat(Trees.mode(target.resolve("shared/open.txt"))).isEqualTo(modeString(0666 & ~Umask.get()));
    }

    @Test
    void shouldKeepModeOfDirectoriesThatAlreadyExisted() throws IOException {
        Files.createDirectories(target.resolve("models"));
        Files.setPosixFilePermissions(target.resolve("models"), PosixFilePermissions.fromString("rwxrwx---"));
        byte[] tar = new TarBuilder().dir("models", 0700).file("models/m.bin", "m").end().bytes();

        ExtractResult result = extract(tar, ExtractOptions.defaults());

        assertThat(Trees.mode(target.resolve("models"))).isEqualTo("rwxrwx---");
        assertThat(result.directoriesCreated()).isZero();
    }

    @Test
    void shouldStreamFilesLargerThanTheBufferWithoutHoldingThem() throws IOException {
        long size = 64L * 1024 * 1024 + 17;
        MessageDigest expected = Digest.newSha256();
        InputStream content = new PatternStream(size, expected);
        InputStream tar = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(TarBuilder.header("big.bin", "", '0', "", 0644, size)),
                content,
                new ByteArrayInputStream(new byte[(int) ((512 - size % 512) % 512) + 1024]))));

        ExtractResult result = SafeTarExtractor.extract(tar, target, ExtractOptions.defaults(), ProgressListener.NONE);

        assertThat(result.bytesWritten()).isEqualTo(size);
        assertThat(Files.size(target.resolve("big.bin"))).isEqualTo(size);
        assertThat(Trees.sha256(target.resolve("big.bin"))).isEqualTo(Digest.of(expected.digest()));
    }

    @Test
    void shouldRefuseExistingFileWithoutOverwriteAndLeaveTheLayerOut() throws IOException {
        Trees.write(target.resolve("b.txt"), "mine", "rw-r--r--");
        byte[] tar = new TarBuilder().dir("new-dir", 0755).file("a.txt", "new a").file("b.txt", "new b").end().bytes();

        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("tar entry 'b.txt'")
                .hasMessageContaining(target.toRealPath().resolve("b.txt") + " already exists");

        assertThat(target.resolve("b.txt")).hasContent("mine");
        assertThat(Trees.snapshot(target)).containsOnlyKeys("b.txt");
    }

    @Test
    void shouldReplaceExistingFileWithOverwrite() throws IOException {
        Trees.write(target.resolve("dir/b.txt"), "mine", "rw-------");
        byte[] tar = new TarBuilder().file("dir/b.txt", "theirs".getBytes(StandardCharsets.UTF_8), 0755).end().bytes();

        ExtractResult result = extract(tar, ExtractOptions.builder().overwrite(true).build());

        assertThat(target.resolve("dir/b.txt")).hasContent("theirs");
        assertThat(Trees.mode(target.resolve("dir/b.txt"))).isEqualTo("rwxr-xr-x");
        assertThat(result).isEqualTo(new ExtractResult(1, 0, 0, 6));
    }

    @Test
    void shouldKeepExistingFileWithIgnoreExistingEvenWhenOverwriteIsOn() throws IOException {
        Trees.write(target.resolve("b.txt"), "mine", "rw-r--r--");
        byte[] tar = new TarBuilder().file("a.txt", "new a").file("b.txt", "new b").file("c.txt", "new c").end().bytes();
        List<String> lines = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }
        };

        ExtractResult result = SafeTarExtractor.extract(new ByteArrayInputStream(tar), target,
                ExtractOptions.builder().ignoreExisting(true).overwrite(true).build(), listener);

        assertThat(target.resolve("a.txt")).hasContent("new a");
        assertThat(target.resolve("b.txt")).hasContent("mine");
        assertThat(target.resolve("c.txt")).hasContent("new c");
        assertThat(result.filesSkipped()).isEqualTo(1);
        assertThat(result.filesWritten()).isEqualTo(2);
        assertThat(lines).singleElement().asString().contains("b.txt").contains("tar entry 'b.txt'");
    }

    @Test
    void shouldRefuseFileEntryOnExistingDirectoryAndDirectoryEntryOnExistingFile() throws IOException {
        Files.createDirectories(target.resolve("models"));
        Trees.write(target.resolve("notes"), "a file", "rw-r--r--");

        assertThatThrownBy(() -> extract(new TarBuilder().file("models", "x").end().bytes(),
                ExtractOptions.builder().overwrite(true).build()))
                .hasMessageContaining("tar entry 'models'")
                .hasMessageContaining("already exists and is not a regular file");
        assertThatThrownBy(() -> extract(new TarBuilder().dir("notes", 0755).end().bytes(), ExtractOptions.defaults()))
                .hasMessageContaining("tar entry 'notes'")
                .hasMessageContaining("already exists and is not a directory");
        assertThatThrownBy(() -> extract(new TarBuilder().file("notes/inner.txt", "x").end().bytes(),
                ExtractOptions.defaults()))
                .hasMessageContaining("tar entry 'notes/inner.txt'")
                .hasMessageContaining("is not a directory");
    }

    @Test
    void shouldTreatDuplicateEntriesLikeKit() throws IOException {
        byte[] tar = new TarBuilder().file("twice.txt", "first").file("twice.txt", "second").end().bytes();

        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .hasMessageContaining("tar entry 'twice.txt'")
                .hasMessageContaining("already exists");
        assertThat(target).isEmptyDirectory();

        extract(tar, ExtractOptions.builder().overwrite(true).build());
        assertThat(target.resolve("twice.txt")).hasContent("second");
        assertThat(Trees.temporaries(target)).isEmpty();
    }

    @Test
    void shouldPlaceLegacyLayerEntriesUnderTheLayerParent() throws IOException {
        byte[] modelLayer = new TarBuilder().file("m1.gguf", "weights").end().bytes();
        byte[] codeLayer = new TarBuilder().dir("src", 0755).file("src/train.py", "print()").end().bytes();

        extract(modelLayer, ExtractOptions.builder().legacyLayerPath("models/m1.gguf").build());
        extract(codeLayer, ExtractOptions.builder().legacyLayerPath("src").build());

        assertThat(target.resolve("models/m1.gguf")).hasContent("weights");
        assertThat(target.resolve("src/train.py")).hasContent("print()");
    }

    @Test
    void shouldTreatDotEntriesAsTheTargetItself() throws IOException {
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x--x"));
        byte[] tar = new TarBuilder().dir("./", 0700).file("./a.txt", "a").end().bytes();

        extract(tar, ExtractOptions.defaults());

        assertThat(target.resolve("a.txt")).hasContent("a");
        assertThat(Trees.mode(target)).isEqualTo("rwxr-x--x");
    }

    @Test
    void shouldNameTheEntryWhoseContentIsTruncated() throws IOException {
        byte[] whole = new TarBuilder().file("a.txt", "complete").file("b.bin", new byte[2000], 0644).end().bytes();
        byte[] cut = Arrays.copyOf(whole, 512 * 3 + 100);

        assertThatThrownBy(() -> extract(cut, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("truncated tar archive: the stream ends inside the content of entry 'b.bin' (1900 bytes missing)");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldNameTheLastEntryWhenAHeaderIsTruncated() {
        byte[] whole = new TarBuilder().file("a.txt", "complete").file("b.txt", "second").end().bytes();
        byte[] cut = Arrays.copyOf(whole, 512 * 2 + 200);

        assertThatThrownBy(() -> extract(cut, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("truncated tar archive: the stream ends inside a header after entry 'a.txt'");
    }

    @Test
    void shouldNameTheLastEntryWhenTheEndOfArchiveIsMissing() {
        byte[] tar = new TarBuilder().file("a.txt", "complete").bytes();

        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("truncated tar archive: the stream ends after entry 'a.txt' without the end-of-archive blocks");
        assertThatThrownBy(() -> extract(new byte[0], ExtractOptions.defaults()))
                .hasMessageContaining("at the start of the archive");
    }

    @Test
    void shouldAcceptASingleZeroBlockAtTheEndAsGoDoes() throws IOException {
        byte[] tar = new TarBuilder().file("a.txt", "a").raw(new byte[512]).bytes();

        extract(tar, ExtractOptions.defaults());

        assertThat(target.resolve("a.txt")).hasContent("a");
    }

    @Test
    void shouldRefuseHeaderWithBadChecksum() {
        byte[] tar = new TarBuilder().file("a.txt", "a").corruptChecksumFile("b.txt", "b").end().bytes();

        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("header checksum mismatch after entry 'a.txt'");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldRefuseExtendedHeaderWithoutEntry() {
        byte[] tar = new TarBuilder().paxHeader("path", "dangling").end().bytes();

        assertThatThrownBy(() -> extract(tar, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("extended header");
    }

    private ExtractResult extract(byte[] tar, ExtractOptions options) {
        return SafeTarExtractor.extract(new ByteArrayInputStream(tar), target, options, ProgressListener.NONE);
    }

    /**
     * Six files over nested directories with distinct modes, a name longer than 100 bytes, a
     * non-ASCII name and a file larger than the copy buffer.
     */
    static Path sampleTree(Path source) throws IOException {
        Trees.write(source.resolve("models/m1.gguf"), "model", "rw-r--r--");
        Trees.write(source.resolve("src/run.sh"), "echo hello!", "rwxr-xr-x");
        Trees.write(source.resolve("src/secret.env"), "KEY=1\n", "rw-------");
        Trees.write(source.resolve("data/deep/er/than/" + LONG_COMPONENT), "long\n\n\n", "rw-r-----");
        Trees.write(source.resolve("docs/café.md"), "", "rw-r--r--");
        Files.write(source.resolve("data/large.bin"), patterned(3 * 1024 * 1024));
        Files.setPosixFilePermissions(source.resolve("data/deep"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(source.resolve("docs"), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(source.resolve("empty"));
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwxr-xr-x"));
        return source;
    }

    static byte[] patterned(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 10));
        }
        return bytes;
    }

    /** A deterministic stream of {@code size} bytes that hashes what it hands out. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position + i) * 7 + ((position + i) >>> 12));
            }
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }
    }

    private static String modeString(int mode) {
        StringBuilder text = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            text.append((mode >> shift & 4) != 0 ? 'r' : '-').append((mode >> shift & 2) != 0 ? 'w' : '-')
                    .append((mode >> shift & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }
}
