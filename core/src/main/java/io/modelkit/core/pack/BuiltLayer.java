package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayerMediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One layer built: the Kitfile entry it came from, its digests, for a raw layer the file metadata
 * annotation, and for a tar layer the entries it holds, in order (null for raw layers), so that
 * the same bytes can be produced again.
 */
record BuiltLayer(LayerEntry entry, LayerResult result, String rawFileMetadata, List<TarEntrySource> contents) {

    /** The manifest descriptor kit writes for this layer, in the media types of {@code family}. */
    Descriptor descriptor(LayerMediaType.Family family, Compression compression) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(Annotations.FILEPATH, GoPaths.clean(entry.path()));
        if (entry.kind() == LayerKind.PROMPT) {
            annotations.put(Annotations.LAYER_SUBTYPE, Annotations.LAYER_SUBTYPE_PROMPT);
        }
        if (rawFileMetadata != null) {
            annotations.put(Annotations.FILE_METADATA, rawFileMetadata);
        }
        return new Descriptor(mediaType(family, compression).toString(), result.digest(), result.size(), List.of(),
                annotations, null);
    }

    private LayerMediaType mediaType(LayerMediaType.Family family, Compression compression) {
        if (entry.kind() == LayerKind.MCP_SERVER) {
            return new LayerMediaType(family, LayerMediaType.Kind.MCPB, LayerMediaType.Format.RAW,
                    LayerMediaType.Compression.NONE);
        }
        return new LayerMediaType(family, kind(entry.kind()), LayerMediaType.Format.TAR, compression.mediaType());
    }

    private static LayerMediaType.Kind kind(LayerKind kind) {
        return switch (kind) {
            case MODEL -> LayerMediaType.Kind.MODEL;
            case MODEL_PART -> LayerMediaType.Kind.MODEL_PART;
            case CODE, PROMPT -> LayerMediaType.Kind.CODE;
            case DATASET -> LayerMediaType.Kind.DATASET;
            case DOCS -> LayerMediaType.Kind.DOCS;
            case MCP_SERVER -> LayerMediaType.Kind.MCPB;
        };
    }
}
