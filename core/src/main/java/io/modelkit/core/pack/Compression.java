package io.modelkit.core.pack;

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
    NONE("none", ""),
    GZIP("gzip", "+gzip"),
    GZIP_FASTEST("gzip-fastest", "+gzip"),
    ZSTD("zstd", "+zstd");

    /** zstd's default level, which klauspost's encoder default corresponds to. */
    private static final int ZSTD_LEVEL = 3;

    private final String value;
    private final String mediaTypeSuffix;

    Compression(String value, String mediaTypeSuffix) {
        this.value = value;
        this.mediaTypeSuffix = mediaTypeSuffix;
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

    /** What follows {@code .tar} in the layer media type: {@code ""}, {@code "+gzip"} or {@code "+zstd"}. */
    public String mediaTypeSuffix() {
        return mediaTypeSuffix;
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
