package io.modelkit.core.unpack;

import io.modelkit.core.ProgressInputStream;
import io.modelkit.core.oci.LayerMediaType;
import io.modelkit.core.oci.BlobVerificationException;
import io.modelkit.core.oci.VerifyingInputStream;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Extracts one layer blob as its media type says (tar or raw, none/gzip/zstd) and puts its files in
 * place only after the blob has matched its descriptor's digest and size. The order is: stage every
 * file under a temporary name while hashing the blob, read any rest of the blob, verify, then
 * rename. A blob that does not verify therefore leaves nothing behind, and existing files are
 * untouched even with overwrite on.
 *
 * <p>When the bytes cannot be decoded (a truncated tar, a broken gzip stream), the rest of the blob
 * is read and checked first: a digest mismatch is the likelier cause and is what gets reported,
 * with the decoding error attached as suppressed.
 */
public final class LayerExtractor {

    private LayerExtractor() {
    }

    /**
     * Extracts {@code blob}, which is read to its end and closed.
     *
     * @param listener gets one task per layer, sized in blob bytes, plus any lines from extraction
     */
    public static ExtractResult extract(InputStream blob, LayerSource layer, Path targetDir, ExtractOptions options,
            ProgressListener listener) {
        String task = "Unpacking " + layer.label();
        listener.started(task, layer.size());
        try (VerifyingInputStream verifying = new VerifyingInputStream(
                new ProgressInputStream(blob, listener, task), layer.digest(), layer.size(), layer.label())) {
            LayerStaging staging = stage(verifying, layer, targetDir, options, listener);
            try {
                verifying.drainAndVerify();
            } catch (IOException e) {
                staging.abort();
                throw new ModelKitException(layer.label() + ": cannot read blob: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                staging.abort();
                throw e;
            }
            return staging.commit();
        } catch (IOException e) {
            throw new ModelKitException(layer.label() + ": cannot close blob: " + e.getMessage(), e);
        } finally {
            listener.finished(task);
        }
    }

    private static LayerStaging stage(VerifyingInputStream verifying, LayerSource layer, Path targetDir,
            ExtractOptions options, ProgressListener listener) {
        // read before any byte: these name the layer themselves
        String rawPath = layer.format() == LayerMediaType.Format.RAW ? rawPath(layer) : null;
        Optional<FileMetadata> metadata = layer.format() == LayerMediaType.Format.RAW ? layer.fileMetadata() : Optional.empty();
        InputStream decoded = null;
        try {
            // the decoder is closed to free its native state, but the blob must stay open to be drained
            decoded = LayerDecoder.decode(new FilterInputStream(verifying) {
                @Override
                public void close() {
                    // left open for drainAndVerify
                }
            }, layer.compression(), layer.label());
            return switch (layer.format()) {
                case TAR -> SafeTarExtractor.stage(decoded, targetDir, options, listener);
                case RAW -> RawLayerExtractor.stage(decoded, rawPath, metadata, targetDir, options, listener);
            };
        } catch (BlobVerificationException e) {
            throw e;
        } catch (ArchiveFormatException e) {
            throw blameBlobIfCorrupt(verifying, layer, e);
        } catch (ModelKitException e) {
            throw new ModelKitException(layer.label() + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(decoded);
        }
    }

    private static String rawPath(LayerSource layer) {
        return layer.filePath().orElseThrow(() -> new ModelKitException(layer.label()
                + ": a raw layer needs the " + LayerSource.FILEPATH_ANNOTATION + " annotation to name its file"));
    }

    private static ModelKitException blameBlobIfCorrupt(VerifyingInputStream verifying, LayerSource layer,
            ArchiveFormatException failure) {
        try {
            verifying.drainAndVerify();
        } catch (BlobVerificationException mismatch) {
            mismatch.addSuppressed(failure);
            return mismatch;
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure.getMessage().startsWith(layer.label())
                ? failure
                : new ArchiveFormatException(layer.label() + ": " + failure.getMessage(), failure);
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // the blob has been read as far as it will be; a failing close changes nothing
        }
    }
}
