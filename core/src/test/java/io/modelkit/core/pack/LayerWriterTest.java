package io.modelkit.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Layers checked with the real tools: GNU tar, gzip and zstd read what we write. */
class LayerWriterTest {
    private static final String LONG_DIR = "models/" + "d".repeat(120);
    private static final String SPLIT_NAME = "models/" + "s".repeat(60) + "/" + "t".repeat(60) + ".bin";

    @TempDir
    Path context;
    @TempDir
    Path work;

    @Test
    void shouldWriteATarThatGnuTarExtractsToIdenticalFilesAndModes() throws Exception {
        createTree();
        List<TarEntrySource> entries = collect("models");

        Path layer = work.resolve("layer.tar");
        LayerResult result = writeTo(layer, entries, Compression.NONE);

        Path extracted = Files.createDirectory(work.resolve("extracted"));
        run("tar", "-x", "-p", "-f", layer.toString(), "-C", extracted.toString());
        for (TarEntrySource entry : entries) {
            Path copy = extracted.resolve(entry.name());
            assertThat(mode(copy)).as(entry.name()).isEqualTo(entry.mode());
            if (!entry.directory()) {
                assertThat(copy).as(entry.name()).hasSameBinaryContentAs(entry.file());
            }
        }
        byte[] tar = Files.readAllBytes(layer);
        assertThat(result.digest()).isEqualTo(Digest.sha256(tar));
        assertThat(result.diffId()).isEqualTo(result.digest());
        assertThat(result.size()).isEqualTo(tar.length);
    }

    @Test
    void shouldListEveryEntryWithKitsOwnerAndZeroTime() throws Exception {
        createTree();
        List<TarEntrySource> entries = collect("models");
        Path layer = work.resolve("layer.tar");
        writeTo(layer, entries, Compression.NONE);

        List<String> listing = run("tar", "-t", "-v", "--numeric-owner", "-f", layer.toString()).lines().toList();

        assertThat(listing).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TarEntrySource entry = entries.get(i);
            assertThat(listing.get(i)).as(entry.name())
                    .matches("[-d][-rwxsStT]{9} 1000/0 +" + entry.size() + " 1970-01-01 00:00 \\Q" + entry.name() + "\\E");
        }
        assertThat(entries).extracting(TarEntrySource::name)
                .contains(LONG_DIR, LONG_DIR + "/deep.bin", SPLIT_NAME, "models/modèle ✓.bin");
    }

    @Test
    void shouldEndWithExactlyTwoZeroBlocksAndKeepBlockAlignment() throws IOException {
        write("a/x.txt", "0123456789");
        byte[] tar = tarBytes(collect("a"), Compression.NONE);

        // header "a", header "a/x.txt", one data block, two zero blocks
        assertThat(tar).hasSize(5 * 512);
        assertThat(Arrays.copyOfRange(tar, 1024, 1034)).isEqualTo("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(tar, 1034, tar.length)).containsOnly(0);
    }

    @Test
    void shouldWriteOnlyTheTrailerForAnEmptyLayer() {
        assertThat(tarBytes(List.of(), Compression.NONE)).hasSize(1024).containsOnly(0);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "GZIP_FASTEST"})
    void shouldWriteGzipThatGzipDecompressesToTheSameTar(Compression compression) throws Exception {
        createTree();
        List<TarEntrySource> entries = collect("models");
        byte[] tar = tarBytes(entries, Compression.NONE);

        Path blob = work.resolve("layer.tar.gz");
        LayerResult result = writeTo(blob, entries, compression);
        byte[] stored = Files.readAllBytes(blob);

        int xfl = compression == Compression.GZIP_FASTEST ? 4 : 0;
        assertThat(Arrays.copyOf(stored, 10)).isEqualTo(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, (byte) 0xff});
        assertThat(runBytes("gzip", "-d", "-c", blob.toString())).isEqualTo(tar);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(blob))) {
            assertThat(in.readAllBytes()).isEqualTo(tar);
        }
        assertThat(result.diffId()).isEqualTo(Digest.sha256(tar));
        assertThat(result.digest()).isEqualTo(Digest.sha256(stored));
        assertThat(result.size()).isEqualTo(stored.length);
    }

    @Test
    void shouldWriteZstdThatZstdDecompressesToTheSameTar() throws Exception {
        createTree();
        List<TarEntrySource> entries = collect("models");
        byte[] tar = tarBytes(entries, Compression.NONE);

        Path blob = work.resolve("layer.tar.zst");
        LayerResult result = writeTo(blob, entries, Compression.ZSTD);
        byte[] stored = Files.readAllBytes(blob);

        assertThat(runBytes("zstd", "-d", "-c", "-q", blob.toString())).isEqualTo(tar);
        assertThat(result.diffId()).isEqualTo(Digest.sha256(tar));
        assertThat(result.digest()).isEqualTo(Digest.sha256(stored));
        assertThat(result.size()).isEqualTo(stored.length);
    }

    @Test
    void shouldStreamLargeFilesAcrossBufferBoundaries() throws Exception {
        byte[] big = new byte[3 * LayerWriter.BUFFER_SIZE + 777];
        new Random(42).nextBytes(big);
        Files.createDirectories(context.resolve("w"));
        Files.write(context.resolve("w/weights.bin"), big);
        write("w/small.txt", "tail");

        Path layer = work.resolve("layer.tar");
        LayerResult result = writeTo(layer, collect("w"), Compression.NONE);

        Path extracted = Files.createDirectory(work.resolve("out"));
        run("tar", "-x", "-f", layer.toString(), "-C", extracted.toString());
        assertThat(Files.readAllBytes(extracted.resolve("w/weights.bin"))).isEqualTo(big);
        assertThat(extracted.resolve("w/small.txt")).hasContent("tail");
        assertThat(result.digest()).isEqualTo(Digest.sha256(Files.readAllBytes(layer)));
    }

    @Test
    void shouldReportProgressInCoarseStepsAddingUpToTheContentSize() throws IOException {
        byte[] big = new byte[20 << 20];
        Files.createDirectories(context.resolve("w"));
        Files.write(context.resolve("w/weights.bin"), big);
        write("w/b.txt", "12345");
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String task, long totalBytes) {
                events.add("started " + task + " " + totalBytes);
            }

            @Override
            public void advanced(String task, long bytes) {
                events.add("advanced " + task + " " + bytes);
            }

            @Override
            public void finished(String task) {
                events.add("finished " + task);
            }
        };

        LayerWriter.writeTarLayer(context, collect("w"), Compression.NONE, OutputStream.nullOutputStream(), listener, "w");

        long total = (20 << 20) + 5;
        assertThat(events.get(0)).isEqualTo("started w " + total);
        assertThat(events.get(events.size() - 1)).isEqualTo("finished w");
        List<Long> steps = events.subList(1, events.size() - 1).stream()
                .map(event -> Long.parseLong(event.substring("advanced w ".length()))).toList();
        assertThat(steps.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(steps).hasSizeBetween(2, 3);
        assertThat(steps.subList(0, steps.size() - 1)).allMatch(step -> step >= 8 << 20);
    }

    @Test
    void shouldFailNamingAFileThatShrankSinceItWasListed() throws IOException {
        write("m/a.bin", "abc");
        Path file = context.resolve("m/a.bin");
        List<TarEntrySource> entries = List.of(new TarEntrySource("m/a.bin", file, false, 10, 0644));

        assertThatThrownBy(() -> tarBytes(entries, Compression.NONE))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("file " + file + " changed while being packed: it had 10 bytes but only 3 could be read");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void shouldFailNamingAFileThatGrewSinceItWasListed(Compression compression) throws IOException {
        write("m/a.bin", "abcdef");
        Path file = context.resolve("m/a.bin");
        List<TarEntrySource> entries = List.of(new TarEntrySource("m/a.bin", file, false, 4, 0644));

        assertThatThrownBy(() -> tarBytes(entries, compression))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("file " + file + " changed while being packed: it grew beyond its 4 bytes");
    }

    @Test
    void shouldFailNamingAFileThatDisappeared() {
        Path file = context.resolve("m/gone.bin");
        List<TarEntrySource> entries = List.of(new TarEntrySource("m/gone.bin", file, false, 4, 0644));

        assertThatThrownBy(() -> tarBytes(entries, Compression.NONE))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("cannot open " + file + ":");
    }

    @Test
    void shouldResolveRelativeEntryFilesAgainstTheContext() throws IOException {
        write("m/a.bin", "abc");
        List<TarEntrySource> relative = List.of(new TarEntrySource("m/a.bin", Path.of("m/a.bin"), false, 3, 0644));

        assertThat(tarBytes(relative, Compression.NONE)).isEqualTo(tarBytes(collect("m/a.bin").subList(1, 2), Compression.NONE));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void shouldWriteARawLayerAsTheFilesBytes(Compression compression) throws Exception {
        byte[] bundle = new byte[LayerWriter.BUFFER_SIZE + 123];
        new Random(7).nextBytes(bundle);
        Path file = context.resolve("server.mcpb");
        Files.write(file, bundle);

        Path blob = work.resolve("raw");
        LayerResult result;
        try (var out = Files.newOutputStream(blob)) {
            result = LayerWriter.writeRawLayer(file, compression, out, ProgressListener.NONE, "mcp server");
        }

        byte[] stored = Files.readAllBytes(blob);
        byte[] content = switch (compression) {
            case NONE -> stored;
            case GZIP, GZIP_FASTEST -> runBytes("gzip", "-d", "-c", blob.toString());
            case ZSTD -> runBytes("zstd", "-d", "-c", "-q", blob.toString());
        };
        assertThat(content).isEqualTo(bundle);
        assertThat(result.diffId()).isEqualTo(Digest.sha256(bundle));
        assertThat(result.digest()).isEqualTo(Digest.sha256(stored));
        assertThat(result.size()).isEqualTo(stored.length);
    }

    @Test
    void shouldParseKitsCompressionNames() {
        assertThat(Stream.of("none", "gzip", "gzip-fastest", "zstd").map(Compression::parse))
                .containsExactly(Compression.NONE, Compression.GZIP, Compression.GZIP_FASTEST, Compression.ZSTD);
        assertThat(Stream.of(Compression.values()).map(compression -> compression.mediaType().suffix()))
                .containsExactly("", "gzip", "gzip", "zstd");
        assertThatThrownBy(() -> Compression.parse("lz4"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("invalid compression 'lz4': valid values are none, gzip, gzip-fastest, zstd");
    }

    /** Files with special modes, a PAX name, a name split into prefix and name, and a non-ASCII name. */
    private void createTree() throws IOException, InterruptedException {
        write("models/m1.gguf", "weights");
        write("models/empty.bin", "");
        write("models/tool.sh", "#!/bin/sh\n");
        write(LONG_DIR + "/deep.bin", "deep");
        write(SPLIT_NAME, "split");
        write("models/modèle ✓.bin", "unicode");
        write("models/private/secret.txt", "secret");
        write("other/not-in-layer.txt", "other");
        run("chmod", "0755", context.resolve("models/tool.sh").toString());
        run("chmod", "4750", context.resolve("models/tool.sh").toString());
        run("chmod", "0600", context.resolve("models/m1.gguf").toString());
        run("chmod", "2750", context.resolve("models/private").toString());
        run("chmod", "1777", context.resolve(LONG_DIR).toString());
    }

    private List<TarEntrySource> collect(String layerPath) {
        return LayerContents.collect(context, layerPath, List.of(layerPath), IgnoreRules.none(), ProgressListener.NONE);
    }

    private LayerResult writeTo(Path blob, List<TarEntrySource> entries, Compression compression) throws IOException {
        try (var out = Files.newOutputStream(blob)) {
            return LayerWriter.writeTarLayer(context, entries, compression, out, ProgressListener.NONE, "layer");
        }
    }

    private byte[] tarBytes(List<TarEntrySource> entries, Compression compression) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerWriter.writeTarLayer(context, entries, compression, out, ProgressListener.NONE, "layer");
        return out.toByteArray();
    }

    private void write(String name, String content) throws IOException {
        Path file = context.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        return new String(runBytes(command), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("TZ", "UTC");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return output;
    }
}
