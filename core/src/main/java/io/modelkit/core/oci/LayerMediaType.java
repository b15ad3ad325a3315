package io.modelkit.core.oci;

import io.modelkit.core.ModelKitException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media type of a ModelKit layer, in either spelling:
 * KitOps {@code application/vnd.kitops.modelkit.<kind>.v1.<format>[+<compression>]} or
 * ModelPack {@code application/vnd.cncf.model.<kind>.v1.<format>[+<compression>]}.
 * {@link #toString()} gives the media type string, {@link #parse} reads one back.
 */
public record LayerMediaType(Family family, Kind kind, Format format, Compression compression) {
    // The same expressions kit parses with, so that we accept exactly what kit accepts.
    private static final Pattern KIT = Pattern.compile("^application/vnd\\.kitops\\.modelkit\\.(\\w+)\\.v1\\.(\\w+)(?:\\+(\\w+))?$");
    private static final Pattern MODELPACK = Pattern.compile("^application/vnd\\.cncf\\.model\\.(\\w+(?:\\.\\w+)?)\\.v1\\.(\\w+)(?:\\+(\\w+))?$");

    /** Which specification the media type belongs to. */
    public enum Family {
        KITOPS, MODELPACK
    }

    /** What a layer holds, with its name in each family. */
    public enum Kind {
        MODEL("model", "weight"),
        MODEL_PART("modelpart", "weight.config"),
        CODE("code", "code"),
        DATASET("dataset", "dataset"),
        DOCS("docs", "doc"),
        /** An MCP bundle; KitOps only. */
        MCPB("mcpb", null);

        private final String kitName;
        private final String modelPackName;

        Kind(String kitName, String modelPackName) {
            this.kitName = kitName;
            this.modelPackName = modelPackName;
        }

        /** The name in {@code family}'s media types; empty if the family has no such layer. */
        public Optional<String> nameIn(Family family) {
            return Optional.ofNullable(family == Family.KITOPS ? kitName : modelPackName);
        }
    }

    /** How the layer's content is laid out: a tar archive, or the bytes of a single file. */
    public enum Format {
        TAR("tar"), RAW("raw");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    /** The compression suffix of the media type; gzip at any level is {@link #GZIP}. */
    public enum Compression {
        NONE(""), GZIP("gzip"), ZSTD("zstd");

        private final String suffix;

        Compression(String suffix) {
            this.suffix = suffix;
        }

        /** The text after {@code +}, empty for {@link #NONE}. */
        public String suffix() {
            return suffix;
        }
    }

    public LayerMediaType {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
        if (kind.nameIn(family).isEmpty()) {
            throw new ModelKitException("layer kind " + kind.kitName + " has no ModelPack media type");
        }
        if (family == Family.MODELPACK && format == Format.RAW && compression != Compression.NONE) {
            throw new ModelKitException("ModelPack does not allow compression of raw layers (" + compression.suffix + ")");
        }
    }

    /** A KitOps layer media type. */
    public static LayerMediaType kit(Kind kind, Format format, Compression compression) {
        return new LayerMediaType(Family.KITOPS, kind, format, compression);
    }

    /** A ModelPack layer media type. */
    public static LayerMediaType modelPack(Kind kind, Format format, Compression compression) {
        return new LayerMediaType(Family.MODELPACK, kind, format, compression);
    }

    /** Parses a layer media type of either family; the error names the media type and its bad part. */
    public static LayerMediaType parse(String mediaType) {
        Matcher kit = KIT.matcher(mediaType);
        if (kit.matches()) {
            return parseParts(mediaType, Family.KITOPS, kit);
        }
        Matcher modelPack = MODELPACK.matcher(mediaType);
        if (modelPack.matches()) {
            return parseParts(mediaType, Family.MODELPACK, modelPack);
        }
        throw new ModelKitException("unrecognized layer media type '" + mediaType + "'");
    }

    /** Like {@link #parse}, but empty for anything that is not a valid ModelKit layer media type. */
    public static Optional<LayerMediaType> tryParse(String mediaType) {
        try {
            return Optional.of(parse(mediaType));
        } catch (ModelKitException e) {
            return Optional.empty();
        }
    }

    private static LayerMediaType parseParts(String mediaType, Family family, Matcher matcher) {
        try {
            return new LayerMediaType(family, kindNamed(family, matcher.group(1)), formatNamed(matcher.group(2)),
                    compressionNamed(matcher.group(3)));
        } catch (ModelKitException e) {
            throw new ModelKitException("invalid layer media type '" + mediaType + "': " + e.getMessage(), e);
        }
    }

    private static Kind kindNamed(Family family, String name) {
        for (Kind kind : Kind.values()) {
            if (kind.nameIn(family).filter(name::equals).isPresent()) {
                return kind;
            }
        }
        throw new ModelKitException("unknown layer type '" + name + "'");
    }

    private static Format formatNamed(String name) {
        for (Format format : Format.values()) {
            if (format.suffix.equals(name)) {
                return format;
            }
        }
        throw new ModelKitException("unknown layer format '" + name + "' (expected tar or raw)");
    }

    private static Compression compressionNamed(String name) {
        if (name == null) {
            return Compression.NONE;
        }
        for (Compression compression : Compression.values()) {
            if (compression != Compression.NONE && compression.suffix.equals(name)) {
                return compression;
            }
        }
        throw new ModelKitException("unknown compression '" + name + "' (expected gzip or zstd)");
    }

    @Override
    public String toString() {
        String prefix = family == Family.KITOPS ? "application/vnd.kitops.modelkit." : "application/vnd.cncf.model.";
        String text = prefix + kind.nameIn(family).orElseThrow() + ".v1." + format.suffix;
        return compression == Compression.NONE ? text : text + "+" + compression.suffix;
    }
}
