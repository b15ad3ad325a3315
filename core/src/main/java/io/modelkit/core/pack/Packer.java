package io.modelkit.core.pack;

import io.modelkit.core.CommitSection;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileJson;
import io.modelkit.core.kitfile.KitfileLocator;
import io.modelkit.core.kitfile.KitfileReader;
import io.modelkit.core.kitfile.KitfileValidator;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerInfo;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.StoredBlob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a context directory into a ModelKit in a store, as {@code kit pack} does: one layer per
 * Kitfile entry, built in parallel, each streamed once from disk through tar, compression and
 * hashing into a temporary blob. Nothing becomes visible in the store until every layer has been
 * written: then the blobs are renamed into place, and the manifest is named last.
 */
public final class Packer {
    private final PackRequest request;
    private final ModelKitStore store;
    private final ProgressListener listener;

    private Packer(PackRequest request, ModelKitStore store) {
        this.request = request;
        this.store = store;
        this.listener = request.listener();
    }

    /** Packs as {@code request} says into {@code store}. */
    public static PackResult pack(PackRequest request, ModelKitStore store) {
        return new Packer(request, store).pack();
    }

    private PackResult pack() {
        Path context = request.contextDir();
        if (!Files.isDirectory(context)) {
            throw new ModelKitException("context directory " + context + " does not exist or is not a directory");
        }
        String kitfileName = kitfileName();
        Kitfile kitfile = readKitfile(kitfileName);
        KitfileValidator.validate(kitfile, kitfileName, listener);
        List<LayerEntry> entries = kitfile.layerEntries();
        if (request.format() == PackFormat.MODELPACK) {
            ModelPackConfig.checkSupported(entries, kitfileName);
        }
        IgnoreRules ignore = readIgnoreRules(context);
        checkLayerPathsExist(context, entries, kitfileName);

        try (LayerBuilds builds = new LayerBuilds(context, entries, ignore, request, store.layout())) {
            List<BuiltLayer> layers = builds.build();
            List<LayerInfo> infos = new ArrayList<>();
            List<Descriptor> descriptors = new ArrayList<>();
            for (BuiltLayer layer : layers) {
                infos.add(new LayerInfo(layer.result().digest(), layer.result().diffId()));
                descriptors.add(layer.descriptor(request.format().family(), request.compression()));
            }
            Kitfile packed = kitfile.withLayers(infos);
            byte[] kitfileJson = KitfileJson.configBytes(packed);
            try (CommitSection section = store.layout().beginCommit()) {
                builds.commit();
                try {
                    Manifest manifest = request.format() == PackFormat.MODELKIT
                            ? modelKitManifest(kitfileJson, descriptors)
                            : modelPackManifest(packed, kitfileJson, layers, descriptors);
                    Descriptor stored = store.save(manifest, request.targets());
                    return new PackResult(stored, manifest, packed, request.targets());
                } catch (RuntimeException e) {
                    // the layers are in blobs/ but no manifest names them: take back those nothing else uses
                    store.layout().removeUnused(descriptors.stream().map(Descriptor::digest).toList(), null);
                    throw e;
                }
            }
        }
    }

    /** Kit's manifest: as kit writes it, without a top-level mediaType (it is stored as an OCI manifest). */
    private Manifest modelKitManifest(byte[] configBytes, List<Descriptor> layers) {
        StoredBlob config = store.layout().putBlob(configBytes);
        return Manifest.builder()
                .artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(config.descriptor(MediaTypes.KIT_CONFIG))
                .layers(layers)
                .annotation(Annotations.KIT_CLI_VERSION, ModelKitVersion.get())
                .annotation(Annotations.CREATED, created())
                .build();
    }

    private Manifest modelPackManifest(Kitfile kitfile, byte[] kitfileJson, List<BuiltLayer> layers,
            List<Descriptor> descriptors) {
        byte[] configBytes = GoJson.write(ModelPackConfig.of(kitfile, request.created(),
                layers.stream().map(layer -> layer.result().diffId()).toList()));
        StoredBlob config = store.layout().putBlob(configBytes);
        return Manifest.builder()
                .mediaType(MediaTypes.OCI_MANIFEST)
                .artifactType(MediaTypes.MODELPACK_MANIFEST_ARTIFACT_TYPE)
                .config(config.descriptor(MediaTypes.MODELPACK_CONFIG))
                .layers(descriptors)
                .annotation(Annotations.KIT_CLI_VERSION, ModelKitVersion.get())
                .annotation(Annotations.KITFILE, new String(kitfileJson, java.nio.charset.StandardCharsets.UTF_8))
                .annotation(Annotations.CREATED, created())
                .build();
    }

    /** A missing path is reported before any layer is built, not after hashing the ones before it. */
    private static void checkLayerPathsExist(Path context, List<LayerEntry> entries, String kitfileName) {
        for (LayerEntry entry : entries) {
            Path path = context.resolve(entry.path().isEmpty() ? "." : entry.path());
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new ModelKitException(kitfileName + ": " + field(entry) + " '" + entry.path()
                        + "' does not exist in " + context);
            }
        }
    }

    private static String field(LayerEntry entry) {
        return switch (entry.kind()) {
            case MODEL -> "model.path";
            case MODEL_PART -> "model.parts[" + entry.index() + "].path";
            case CODE -> "code[" + entry.index() + "].path";
            case DATASET -> "datasets[" + entry.index() + "].path";
            case DOCS -> "docs[" + entry.index() + "].path";
            case PROMPT -> "prompts[" + entry.index() + "].path";
            case MCP_SERVER -> "mcpServers[" + entry.index() + "].path";
        };
    }

    private String created() {
        return DateTimeFormatter.ISO_INSTANT.format(request.created());
    }

    private String kitfileName() {
        if (request.kitfileContent() != null) {
            return request.kitfileName();
        }
        Path file = request.kitfile() != null ? request.kitfile() : KitfileLocator.find(request.contextDir());
        return file.toString();
    }

    private Kitfile readKitfile(String name) {
        if (request.kitfileContent() != null) {
            return KitfileReader.read(request.kitfileContent(), name);
        }
        return KitfileReader.read(Path.of(name));
    }

    private static IgnoreRules readIgnoreRules(Path context) {
        Path file = context.resolve(".kitignore");
        if (!Files.isRegularFile(file)) {
            return IgnoreRules.none();
        }
        try {
            return IgnoreRules.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
