package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLayerExtractorTest {
    @TempDir
    Path root;

    private Path target;
    private Path sentinel;

    @BeforeEach
    void createDirectories() throws IOException {
        target = root.resolve("target");
        sentinel = Files.createDirectories(root.resolve("sentinel"));
    }

    @Test
    void shouldWriteFileWithParentDirectoriesAndDefaultMode() throws IOException {
        ExtractResult result = extract("nested/dir/model.safetensors", "tensor bytes", Optional.empty(),
                ExtractOptions.defaults());

        assertThat(target.resolve("nested/dir/model.safetensors")).hasContent("tensor bytes");
        assertThat(Trees.mode(target.resolve("nested/dir/model.safetensors"))).isEqualTo("rw-r--r--");
        assertThat(result).isEqualTo(new ExtractResult(1, 0, 2, 12));
    }

    @Test
    void shouldApplyModeAndCheckSizeFromMetadata() throws IOException {
        extract("run.sh", "#!/bin/sh", Optional.of(new FileMetadata("run.sh", 0750, OptionalLong.of(9))),
                ExtractOptions.defaults());

        assertThat(Trees.mode(target.resolve("run.sh"))).isEqualTo("rwxr-x---");
    }

    @Test
    void shouldRefuseContentThatContradictsTheMetadataSize() throws IOException {
        Optional<FileMetadata> metadata = Optional.of(new FileMetadata("m.bin", 0644, OptionalLong.of(4)));

        assertThatThrownBy(() -> extract("m.bin", "12345", metadata, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("raw layer file 'm.bin'");
        assertThatThrownBy(() -> extract("m.bin", "123", metadata, ExtractOptions.defaults()))
                .isInstanceOf(ArchiveFormatException.class)
                .hasMessage("raw layer file 'm.bin': the content has 3 bytes but 4 were announced");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void shouldRefusePathsThatLeaveTheTarget() throws IOException {
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("out"), sentinel);

        assertThatThrownBy(() -> extract("../sentinel/x", "x", Optional.empty(), ExtractOptions.defaults()))
                .hasMessage("refusing raw layer file '../sentinel/x': '..' path components are not allowed");
        assertThatThrownBy(() -> extract(sentinel.resolve("x").toString(), "x", Optional.empty(), ExtractOptions.defaults()))
                .hasMessageContaining("absolute paths are not allowed");
        assertThatThrownBy(() -> extract("out/x", "x", Optional.empty(), ExtractOptions.defaults()))
                .hasMessage("refusing raw layer file 'out/x': 'out' is a symbolic link (links are never followed)");
        assertThat(sentinel).isEmptyDirectory();
    }

    @Test
    void shouldFollowExistingFileOptions() throws IOException {
        Trees.write(target.resolve("m.bin"), "mine", "rw-r--r--");

        assertThatThrownBy(() -> extract("m.bin", "theirs", Optional.empty(), ExtractOptions.defaults()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("raw layer file 'm.bin'")
                .hasMessageContaining("already exists");
        ExtractResult skipped = extract("m.bin", "theirs", Optional.empty(),
                ExtractOptions.builder().ignoreExisting(true).build());
        assertThat(target.resolve("m.bin")).hasContent("mine");
        assertThat(skipped.filesSkipped()).isEqualTo(1);

        extract("m.bin", "theirs", Optional.empty(), ExtractOptions.builder().overwrite(true).build());
        assertThat(target.resolve("m.bin")).hasContent("theirs");
        assertThat(Trees.snapshot(target)).containsOnlyKeys("m.bin");
    }

    @Test
    void shouldParseMetadataAnnotationAsKitWritesIt() {
        FileMetadata metadata = FileMetadata.parse("{\"name\":\"m1.gguf\",\"mode\":420,\"uid\":0,\"gid\":0,\"size\":5,"
                + "\"mtime\":\"2026-06-20T10:11:12.5Z\",\"typeflag\":48}", "layer x");

        assertThat(metadata).isEqualTo(new FileMetadata("m1.gguf", 0644, OptionalLong.of(5)));
        assertThat(FileMetadata.parse("{\"mode\":2147484141}", "layer x").mode()).isEqualTo(0755);
        assertThat(FileMetadata.parse("{}", "layer x")).isEqualTo(new FileMetadata("", 0644, OptionalLong.empty()));
    }

    @Test
    void shouldNameTheLayerWhenMetadataIsInvalid() {
        LayerSource layer = new LayerSource("application/vnd.kitops.modelkit.model.v1.raw",
                Digest.sha256(new byte[0]), 0,
                Map.of(LayerSource.FILEPATH_ANNOTATION, "m.bin", FileMetadata.ANNOTATION, "{not json"));

        assertThatThrownBy(layer::fileMetadata)
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("layer 'm.bin' (" + layer.digest() + "): annotation " + FileMetadata.ANNOTATION
                        + " is not valid JSON");
        assertThatThrownBy(() -> FileMetadata.parse("{\"mode\":\"0644\"}", "layer y"))
                .hasMessageContaining("layer y")
                .hasMessageContaining("'mode'");
    }

    private ExtractResult extract(String path, String content, Optional<FileMetadata> metadata, ExtractOptions options) {
        return RawLayerExtractor.extract(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), path,
                metadata, target, options, ProgressListener.NONE);
    }
}
