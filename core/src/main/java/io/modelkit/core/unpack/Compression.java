package io.modelkit.core.unpack;

import io.modelkit.core.ModelKitException;

/** How a layer blob is compressed, read from the {@code +gzip}/{@code +zstd} suffix of its media type. */
public enum Compression {
    NONE,
    GZIP,
    ZSTD;

    /**
     * The compression named by the suffix of {@code mediaType}; no suffix means {@link #NONE}. Both
     * {@code kit pack --compression gzip} and {@code gzip-fastest} write {@code +gzip}.
     */
    public static Compression fromMediaType(String mediaType) {
        int plus = mediaType.lastIndexOf('+');
        if (plus < 0) {
            return NONE;
        }
        String suffix = mediaType.substring(plus + 1);
        return switch (suffix) {
            case "gzip" -> GZIP;
            case "zstd" -> ZSTD;
            default -> throw new ModelKitException("unsupported compression '+" + suffix + "' in layer media type '"
                    + mediaType + "' (expected none, +gzip or +zstd)");
        };
    }
}
