package io.modelkit.core.pack;

import io.modelkit.core.oci.LayerMediaType;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.Deflater;

/**
 * Layer compression, as {@code kit pack --compression} names it. {@link #NONE} is kit's default; only
 * with it are layer digests reproducible across implementations, since the compressors differ from
 * Go's {@code compress/flate} and klauspost's zstd. Both gzip levels share the {@code +gzip} media type.
 */
public enum Compression {
    NONE("none", LayerMediaType.Compression.NONE),
    GZIP("gzip", LayerMediaType.Compression.GZIP),
    GZIP_FASTEST("gzip-fastest", LayerMediaType.Compression.GZIP),
    ZSTD("zstd", LayerMediaType.Compression.ZSTD);

    /** zstd's default level, which klauspost's encoder default corresponds to. */
    private static final int ZSTD_LEVEL = 3;

    private final String value;
    private final LayerMediaType.Compression mediaType;

    Compression(String value, LayerMediaType.Compression mediaType) {
        this.value = value;
        this.mediaType = mediaType;
    }

    /**
     * Parses kit's spelling: {@code none}, {@code gzip}, {@code gzip-fastest} or {@code zstd}.
     *
     * @throws ModelKitException listing the valid values
     */
    public static Compression parse(String text) {
        for (Compression compression : values()) {
            if (compression.value.equals(text)) {
                return compression;
            }
        }
        throw new ModelKitException("invalid compression '" + text + "': valid values are "
                + Arrays.stream(values()).map(Compression::value).collect(Collectors.joining(", ")));
    }

    /** Kit's spelling, as accepted by {@link #parse(String)}. */
    public String value() {
        return value;
    }

    /** The compression the layer media type names: both gzip levels are {@code +gzip}. */
    public LayerMediaType.Compression mediaType() {
        return mediaType;
    }

    /** A compressing stream into {@code out}; closing it ends the compressed stream and closes {@code out}. */
    OutputStream compressor(OutputStream out) throws IOException {
        switch (this) {
            case GZIP:
                return new GoGzipOutputStream(out, Deflater.DEFAULT_COMPRESSION);
            case GZIP_FASTEST:
                return new GoGzipOutputStream(out, Deflater.BEST_SPEED);
            case ZSTD:
                return new ZstdOutputStreamNoFinalizer(out, ZSTD_LEVEL).setChecksum(true);
            default:
                return out;
        }
    }
}
