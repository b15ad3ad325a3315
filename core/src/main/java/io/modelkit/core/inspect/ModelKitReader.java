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
import io.modelkit.core.kitfile.KitfileReader;
import io.modelkit.core.oci.VerifyingInputStream;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.transfer.ModelKitSource;
import io.modelkit.core.transfer.StoreEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ModelKit from a store or a registry in either form: a KitOps ModelKit (the config is the Kitfile) or a
 * CNCF ModelPack (the Kitfile is an annotation, or is derived from the layers' file paths). Every
 * blob read is checked against its digest by the store.
 */
public final class ModelKitReader {
    private ModelKitReader() {
    }

    /** The manifest {@code location} names in {@code store}; an error names the location if absent. */
    public static Manifest manifest(ModelKitStore store, Location location) {
        return new StoreEndpoint(store, location).manifest().parse();
    }

    /** The ModelKit {@code location} names in {@code store}, with its Kitfile and layers bound to entries. */
    public static ModelKitContents read(ModelKitStore store, Location location) {
        return read(new StoreEndpoint(store, location));
    }

    /** The ModelKit at {@code source} (a store or a registry), with its Kitfile and layers bound to entries. */
    public static ModelKitContents read(ModelKitSource source) {
        Manifest manifest = source.manifest().parse();
        Kitfile kitfile = kitfile(source, manifest);
        return new ModelKitContents(source.describe(), manifest, kitfile, bind(manifest, kitfile, source.describe()));
    }

    /** The Kitfile of a manifest in {@code store}. */
    public static Kitfile kitfile(ModelKitStore store, Manifest manifest, Location location) {
        return kitfile(new StoreEndpoint(store, location), manifest);
    }

    /** The Kitfile of a manifest, as its config or annotation holds it, with layer digests. */
    public static Kitfile kitfile(ModelKitSource source, Manifest manifest) {
        String where = source.describe();
        if (manifest.isModelKit()) {
            byte[] config = readConfig(source, manifest.config());
            return KitfileJson.parseConfig(config, "config " + manifest.config().digest() + " of " + where);
        }
        if (manifest.isModelPack()) {
            return manifest.annotation(Annotations.KITFILE)
                    .map(json -> KitfileJson.parseConfig(json.getBytes(StandardCharsets.UTF_8),
                            Annotations.KITFILE + " annotation of " + where))
                    .orElseGet(() -> ModelPackKitfile.derive(manifest, where));
        }
        throw new ModelKitException(where + " is not a ModelKit: its manifest has artifactType "
                + manifest.artifactType().orElse("(none)") + " and config media type " + manifest.config().mediaType());
    }

    /** The config blob of a manifest as stored, verified against its digest. */
    public static byte[] configBytes(ModelKitSource source, Manifest manifest) {
        return readConfig(source, manifest.config());
    }

    /** A config blob, verified against its digest; configs are Kitfiles, so their size is bounded too. */
    private static byte[] readConfig(ModelKitSource source, Descriptor config) {
        if (config.size() > KitfileReader.MAX_BYTES) {
            throw new ModelKitException("config " + config.digest() + " of " + source.describe() + " is "
                    + config.size() + " bytes, more than a Kitfile may be");
        }
        try (InputStream in = new VerifyingInputStream(source.openBlob(config, 0), config.digest(), config.size(),
                "config " + config.digest() + " of " + source.describe())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + config.digest() + " of " + source.describe(), e);
        }
    }

    /**
     * Pairs each layer with its Kitfile entry, as kit does: the n-th layer of a kind holds the n-th
     * Kitfile entry of that kind. A layer digest that disagrees with the Kitfile is an error.
     */
    static List<BoundLayer> bind(Manifest manifest, Kitfile kitfile, String location) {
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

    static LayerKind kindOf(Descriptor layer, String location) {
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
