package io.modelkit.core.unpack;

import io.modelkit.core.oci.LayerMediaType;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Turns a stored layer blob into its uncompressed bytes (the layer's diffId content). */
public final class LayerDecoder {
    /** One buffer size for every layer stream: large reads keep the number of system calls low. */
    static final int BUFFER_SIZE = 1 << 20;

    private LayerDecoder() {
    }

    /**
     * The uncompressed view of {@code blob}. Closing the result closes {@code blob}. A gzip header
     * is read at once, so a blob that is not gzip fails here with an {@link ArchiveFormatException}.
     *
     * @param label what the blob is, for messages
     */
    public static InputStream decode(InputStream blob, LayerMediaType.Compression compression, String label) {
        try {
            return switch (compression) {
                case NONE -> blob;
                case GZIP -> new GZIPInputStream(blob, BUFFER_SIZE);
                // zstd-jni reads its input in blocks of its own choosing; the buffer evens out small reads
                case ZSTD -> new BufferedInputStream(new ZstdInputStreamNoFinalizer(blob), BUFFER_SIZE);
            };
        } catch (IOException e) {
            throw new ArchiveFormatException(label + ": cannot read " + compression.name().toLowerCase(Locale.ROOT)
                    + " stream: " + e.getMessage(), e);
        }
    }
}
