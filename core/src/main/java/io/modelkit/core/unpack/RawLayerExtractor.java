package io.modelkit.core.unpack;

import io.modelkit.core.ProgressListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the bytes of a {@code raw} layer, a single file, to {@code targetDir/<path>} with the same
 * rules as {@link SafeTarExtractor}: the path may not leave the target or pass through a symbolic
 * link, existing files follow the {@link ExtractOptions}, and the content goes to a temporary name
 * that is renamed into place only when complete. The mode comes from the layer's
 * {@code org.cncf.model.file.metadata+json} annotation, {@code 0644} without one (as kit does), and
 * a size recorded there must match the content.
 */
public final class RawLayerExtractor {

    private RawLayerExtractor() {
    }

    /**
     * Writes {@code content} (read to its end, not closed) to {@code filePath} below
     * {@code targetDir}.
     *
     * @param filePath the layer's {@code org.cncf.model.filepath} annotation
     * @param metadata the layer's file metadata annotation, if any
     */
    public static ExtractResult extract(InputStream content, String filePath, Optional<FileMetadata> metadata,
            Path targetDir, ExtractOptions options, ProgressListener listener) {
        return stage(content, filePath, metadata, targetDir, options, listener).commit();
    }

    /** Writes the temporary file; the caller commits or aborts. */
    static LayerStaging stage(InputStream content, String filePath, Optional<FileMetadata> metadata, Path targetDir,
            ExtractOptions options, ProgressListener listener) {
        String what = "raw layer file '" + filePath + "'";
        List<String> components = EntryPath.components(filePath, what);
        int mode = metadata.map(FileMetadata::mode).orElse(0644);
        long size = metadata.map(meta -> meta.size().orElse(-1)).orElse(-1L);
        LayerStaging staging = LayerStaging.open(targetDir, options, listener);
        try {
            staging.file(what, components, mode, content, size, new byte[LayerDecoder.BUFFER_SIZE]);
            return staging;
        } catch (RuntimeException | Error e) {
            staging.abort();
            throw e;
        }
    }
}
