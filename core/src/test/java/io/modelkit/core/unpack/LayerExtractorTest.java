package io.modelkit.core.unpack;

import io.modelkit.core.oci.BlobVerificationException;
import io.modelkit.core.oci.VerifyingInputStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {
    private static final String TAR = "application/vnd.kitops.modelkit.model.v1.tar";
    private static final String CODE_TAR = "application/vnd.kitops.modelkit.code.v1.tar";

    @TempDir
    Path root;

    private Path target;

    @BeforeEach
    void createTarget() {
        target = root.resolve("target");
    }

    @Test
    void shouldExtractUncompressedLayerAfterVerifyingIt() throws IOException {
        byte[] tar = modelTar();

        ExtractResult result = extract(tar, source(TAR, tar), ExtractOptions.defaults());

        assertThat(target.resolve("models/m1.gguf")).hasContent("weights");
        assertThat(target.resolve("models/config.json")).hasContent("{}");
        assertThat(result).isEqualTo(new ExtractResult(2, 0, 1, 9));
    }

    @Test
    void shouldExtractGzipLayer() throws IOException {
        byte[] tar = modelTar();
        byte[] blob = gzip(tar);

        extract(blob, source(TAR + "+gzip", blob), ExtractOptions.defaults());

        assertThat(target.resolve("models/m1.gguf")).hasContent("weights");
    }

    @Test
    void shouldExtractZstdLayer() throws IOException {
        byte[] tar = modelTar();
        byte[] blob = zstd(tar);

        extract(blob, source(TAR + "+zstd", blob), ExtractOptions.defaults());

        assertThat(target.resolve("models/m1.gguf")).hasContent("weights");
    }

    @Test
    void shouldExtractGnuTarLayerWithRecordPadding() throws Exception {
        assertThat(Trees.GNU_TAR).as("installed by ./test").isExecutable();
        Path source = SafeTarExtractorTest.sampleTree(root.resolve("source"));
        // GNU tar pads to 10 KiB records, bytes the extractor never needs but the digest covers
        byte[] blob = gzip(Trees.gnuTar(source, "--format=pax", "models", "src", "data", "docs"));

        extract(blob, source(CODE_TAR + "+gzip", blob), ExtractOptions.defaults());

        assertThat(Trees.snapshot(target)).isEqualTo(Trees.snapshot(source, source.resolve("empty")));
    }

    @Test
    void shouldWriteRawLayerWithModeFromMetadata() throws IOException {
        byte[] blob = "raw weights".getBytes(StandardCharsets.UTF_8);
        String metadata = "{\"name\":\"m1.gguf\",\"mode\":384,\"uid\":0,\"gid\":0,\"size\":11,"
                + "\"mtime\":\"2026-06-20T10:11:12.123456789Z\",\"typeflag\":48}";
        LayerSource layer = new LayerSource("application/vnd.kitops.modelkit.model.v1.raw", Digest.sha256(blob),
                blob.length, Map.of(LayerSource.FILEPATH_ANNOTATION, "models/m1.gguf", FileMetadata.ANNOTATION, metadata));

        extract(blob, layer, ExtractOptions.defaults());

        assertThat(target.resolve("models/m1.gguf")).hasContent("raw weights");
        assertThat(Trees.mode(target.resolve("models/m1.gguf"))).isEqualTo("rw-------");
    }

    @Test
    void shouldWriteCompressedRawLayer() throws IOException {
        byte[] blob = zstd("prompt text".getBytes(StandardCharsets.UTF_8));
        LayerSource layer = new LayerSource("application/vnd.kitops.modelkit.docs.v1.raw+zstd", Digest.sha256(blob),
                blob.length, Map.of(LayerSource.FILEPATH_ANNOTATION, "prompts/system.md"));

        extract(blob, layer, ExtractOptions.defaults());

        assertThat(target.resolve("prompts/system.md")).hasContent("prompt text");
        assertThat(Trees.mode(target.resolve("prompts/system.md"))).isEqualTo("rw-r--r--");
    }

    @Test
    void shouldRefuseRawLayerWithoutFilePath() {
        byte[] blob = {1, 2, 3};
        LayerSource layer = new LayerSource("application/vnd.kitops.modelkit.model.v1.raw", Digest.sha256(blob),
                blob.length, Map.of());

        assertThatThrownBy(() -> extract(blob, layer, ExtractOptions.defaults()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("layer " + Digest.sha256(blob))
                .hasMessageContaining("org.cncf.model.filepath");
    }

    @Test
    void shouldLeaveNothingWhenDigestDoesNotMatch() throws IOException {
        Trees.write(target.resolve("models/m1.gguf"), "existing", "rw-r--r--");
        byte[] tar = modelTar();
        LayerSource layer = source(TAR, tar);
        byte[] corrupt = tar.clone();
        int contentOffset = indexOf(corrupt, "weights".getBytes(StandardCharsets.UTF_8));
        corrupt[contentOffset] = 'W';
        Map<String, String> before = Trees.snapshot(target);

        assertThatThrownBy(() -> extract(corrupt, layer, ExtractOptions.builder().overwrite(true).build()))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessage("layer 'models' (" + layer.digest() + "): digest mismatch: expected " + layer.digest()
                        + ", actual " + Digest.sha256(corrupt));

        assertThat(Trees.snapshot(target)).isEqualTo(before);
        assertThat(target.resolve("models/m1.gguf")).hasContent("existing");
    }

    @Test
    void shouldRemoveDirectoriesCreatedByARejectedLayer() throws IOException {
        byte[] tar = new TarBuilder().dir("a", 0755).dir("a/b", 0755).file("a/b/c.txt", "c").end().bytes();
        LayerSource layer = new LayerSource(TAR, Digest.sha256("something else".getBytes(StandardCharsets.UTF_8)),
                tar.length, Map.of());

        assertThatThrownBy(() -> extract(tar, layer, ExtractOptions.defaults()))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessageContaining("expected " + layer.digest())
                .hasMessageContaining("actual " + Digest.sha256(tar));

        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldReportTruncatedBlobAgainstItsDescriptor() {
        byte[] tar = modelTar();
        byte[] cut = Arrays.copyOf(tar, 700);

        assertThatThrownBy(() -> extract(cut, source(TAR, tar), ExtractOptions.defaults()))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessage("layer 'models' (" + Digest.sha256(tar) + "): blob has 700 bytes but its descriptor states "
                        + tar.length + " (expected digest " + Digest.sha256(tar) + ", actual " + Digest.sha256(cut) + ")");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldBlameTheBlobWhenItsGzipDataCannotBeDecoded() throws IOException {
        byte[] noise = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        byte[] blob = gzip(new TarBuilder().file("noise.bin", noise, 0644).end().bytes());
        LayerSource layer = source(TAR + "+gzip", blob);
        byte[] corrupt = blob.clone();
        for (int i = 100; i < 300; i++) {
            corrupt[i] ^= 0x5a;
        }

        assertThatThrownBy(() -> extract(corrupt, layer, ExtractOptions.defaults()))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessageContaining("digest mismatch: expected " + layer.digest() + ", actual " + Digest.sha256(corrupt))
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ArchiveFormatException.class));
        assertThat(Trees.temporaries(root)).isEmpty();
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldReportAVerifiedBlobThatIsNotWhatItsMediaTypeSays() {
        byte[] tar = modelTar();
        LayerSource layer = source(TAR + "+gzip", tar);

        assertThatThrownBy(() -> extract(tar, layer, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("layer 'models' (" + layer.digest() + "): cannot read gzip stream: Not in GZIP format");
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldNameTheLayerOnceWhenRawMetadataIsInvalid() {
        byte[] blob = {1};
        LayerSource layer = new LayerSource("application/vnd.kitops.modelkit.model.v1.raw", Digest.sha256(blob),
                blob.length, Map.of(LayerSource.FILEPATH_ANNOTATION, "m.bin", FileMetadata.ANNOTATION, "[]"));

        assertThatThrownBy(() -> extract(blob, layer, ExtractOptions.defaults()))
                .hasMessage(layer.label() + ": annotation " + FileMetadata.ANNOTATION + " must be a JSON object");
    }

    @Test
    void shouldStopReadingABlobLargerThanItsDescriptor() {
        byte[] tar = modelTar();
        LayerSource layer = new LayerSource(TAR, Digest.sha256(tar), 100, Map.of(LayerSource.FILEPATH_ANNOTATION, "models"));

        assertThatThrownBy(() -> extract(tar, layer, ExtractOptions.defaults()))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessageContaining("layer 'models'")
                .hasMessageContaining("larger than the 100 bytes");
    }

    @Test
    void shouldReportHostileEntryOfAVerifiedLayerWithTheLayerName() {
        byte[] tar = new TarBuilder().file("../escape.txt", "x").end().bytes();
        LayerSource layer = source(TAR, tar);

        assertThatThrownBy(() -> extract(tar, layer, ExtractOptions.defaults()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("layer 'models' (" + layer.digest() + "): refusing tar entry '../escape.txt': "
                        + "'..' path components are not allowed");
        assertThat(root.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void shouldReportProgressInBlobBytesAndCloseTheBlob() {
        byte[] blob = modelTar();
        List<String> events = new ArrayList<>();
        long[] advanced = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String task, long totalBytes) {
                events.add("started " + task + " " + totalBytes);
            }

            @Override
            public void advanced(String task, long bytes) {
                advanced[0] += bytes;
            }

            @Override
            public void finished(String task) {
                events.add("finished " + task);
            }
        };
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream stream = new ByteArrayInputStream(blob) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        LayerSource layer = source(TAR, blob);

        LayerExtractor.extract(stream, layer, target, ExtractOptions.defaults(), listener);

        String task = "Unpacking layer 'models' (" + layer.digest() + ")";
        assertThat(events).containsExactly("started " + task + " " + blob.length, "finished " + task);
        assertThat(advanced[0]).isEqualTo(blob.length);
        assertThat(closed).isTrue();
    }

    private ExtractResult extract(byte[] blob, LayerSource layer, ExtractOptions options) {
        return LayerExtractor.extract(new ByteArrayInputStream(blob), layer, target, options, ProgressListener.NONE);
    }

    private static LayerSource source(String mediaType, byte[] blob) {
        return new LayerSource(mediaType, Digest.sha256(blob), blob.length, Map.of(LayerSource.FILEPATH_ANNOTATION, "models"));
    }

    private static byte[] modelTar() {
        return new TarBuilder()
                .dir("models", 0755)
                .file("models/config.json", "{}")
                .file("models/m1.gguf", "weights")
                .end().bytes();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zstd(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(bytes);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
