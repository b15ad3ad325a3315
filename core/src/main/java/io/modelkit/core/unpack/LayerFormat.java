package io.modelkit.core.unpack;

import io.modelkit.core.ModelKitException;

/**
 * What the decompressed bytes of a layer are: a tar stream, or the bytes of one file ({@code raw},
 * whose name comes from the {@code org.cncf.model.filepath} annotation).
 */
public enum LayerFormat {
    TAR,
    RAW;

    /**
     * The format named by the last dotted segment before any {@code +} suffix, which covers both
     * {@code application/vnd.kitops.modelkit.<type>.v1.<fmt>[+<comp>]} and the ModelPack
     * {@code application/vnd.cncf.model.<type>.v1.<fmt>[+<comp>]} media types.
     */
    public static LayerFormat fromMediaType(String mediaType) {
        int plus = mediaType.lastIndexOf('+');
        String base = plus < 0 ? mediaType : mediaType.substring(0, plus);
        String format = base.substring(base.lastIndexOf('.') + 1);
        return switch (format) {
            case "tar" -> TAR;
            case "raw" -> RAW;
            default -> throw new ModelKitException("unsupported layer format '" + format + "' in media type '"
                    + mediaType + "' (expected tar or raw)");
        };
    }
}
