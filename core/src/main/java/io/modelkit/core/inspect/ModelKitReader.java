package io.modelkit.core.inspect;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileJson;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerInfo;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayerMediaType;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.store.ModelKitStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ModelKit from a store in either form: a KitOps ModelKit (the config is the Kitfile) or a
 * CNCF ModelPack (the Kitfile is an annotation, or is derived from the layers' file paths). Every
 * blob read is checked against its digest by the store.
 */
public final class ModelKitReader {
    private ModelKitReader() {
    }

    /** The manifest {@code location} names in {@code store}; an error names the location if absent. */
    public static Manifest manifest(ModelKitStore store, Location location) {
        Descriptor descriptor = store.resolve(location)
                .orElseThrow(() -> new ModelKitException("ModelKit " + location + " not found in " + store.layout().root()));
        return store.layout().readManifest(descriptor.digest());
    }

    /** The ModelKit {@code location} names, with its Kitfile and layers bound to entries. */
    public static ModelKitContents read(ModelKitStore store, Location location) {
        Manifest manifest = manifest(store, location);
        Kitfile kitfile = kitfile(store, manifest, location);
        return new ModelKitContents(location, manifest, kitfile, bind(manifest, kitfile, location));
    }

    /** The Kitfile of a manifest, as its config or annotation holds it, with layer digests. */
    public static Kitfile kitfile(ModelKitStore store, Manifest manifest, Location location) {
        if (manifest.isModelKit()) {
            byte[] config = store.layout().readBlob(manifest.config().digest());
            return KitfileJson.parseConfig(config, "config " + manifest.config().digest() + " of " + location);
        }
        if (manifest.isModelPack()) {
            return manifest.annotation(Annotations.KITFILE)
                    .map(json -> KitfileJson.parseConfig(json.getBytes(StandardCharsets.UTF_8),
                            Annotations.KITFILE + " annotation of " + location))
                    .orElseGet(() -> ModelPackKitfile.derive(manifest, location));
        }
        throw new ModelKitException(location + " is not a ModelKit: its manifest has artifactType "
                + manifest.artifactType().orElse("(none)") + " and config media type " + manifest.config().mediaType());
    }

    /**
     * Pairs each layer with its Kitfile entry, as kit does: the n-th layer of a kind holds the n-th
     * Kitfile entry of that kind. A layer digest that disagrees with the Kitfile is an error.
     */
    static List<BoundLayer> bind(Manifest manifest, Kitfile kitfile, Location location) {
        Map<LayerKind, List<LayerEntry>> byKind = new EnumMap<>(LayerKind.class);
        for (LayerEntry entry : kitfile.layerEntries()) {
            byKind.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(entry);
        }
        Map<LayerKind, Integer> seen = new EnumMap<>(LayerKind.class);
        List<LayerInfo> infos = kitfile.layerInfos();
        boolean legacy = infos.stream().allMatch(info -> info == null);
        List<BoundLayer> bound = new ArrayList<>();
        for (Descriptor layer : manifest.layers()) {
            LayerKind kind = kindOf(layer, location);
            int index = seen.merge(kind, 1, Integer::sum) - 1;
            List<LayerEntry> candidates = byKind.getOrDefault(kind, List.of());
            if (index >= candidates.size()) {
                throw new ModelKitException(location + ": layer " + layer.digest() + " (" + layer.mediaType()
                        + ") has no matching entry in the Kitfile");
            }
            LayerEntry entry = candidates.get(index);
            LayerInfo info = kitfile.layerInfo(entry);
            if (info != null && !info.digest().equals(layer.digest())) {
                throw new ModelKitException(location + ": layer for " + entry.path() + " has digest " + layer.digest()
                        + " but the Kitfile records " + info.digest());
            }
            bound.add(new BoundLayer(layer, entry, legacy));
        }
        return bound;
    }

    static LayerKind kindOf(Descriptor layer, Location location) {
        LayerMediaType type = LayerMediaType.tryParse(layer.mediaType()).orElseThrow(() -> new ModelKitException(
                location + ": layer " + layer.digest() + " has unknown media type " + layer.mediaType()));
        boolean prompt = Annotations.LAYER_SUBTYPE_PROMPT.equals(layer.annotations().get(Annotations.LAYER_SUBTYPE));
        return switch (type.kind()) {
            case MODEL -> LayerKind.MODEL;
            case MODEL_PART -> LayerKind.MODEL_PART;
            case CODE -> prompt ? LayerKind.PROMPT : LayerKind.CODE;
            case DATASET -> LayerKind.DATASET;
            case DOCS -> LayerKind.DOCS;
            case MCPB -> LayerKind.MCP_SERVER;
        };
    }
}
