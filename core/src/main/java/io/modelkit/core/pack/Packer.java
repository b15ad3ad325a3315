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
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.store.ModelKitStore;
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

    /**
     * Builds every layer as {@link #pack} would, keeping none of it: the result knows every digest
     * and can produce each blob's bytes again, so that a pack can go straight to a registry.
     */
    public static PackPlan plan(PackRequest request) {
        return new Packer(request, null).plan();
    }

    private PackResult pack() {
        Prepared prepared = prepare();
        try (LayerBuilds builds = prepared.builds(() -> LayerSink.blob(store.layout().openPrehashedBlobWriter()))) {
            Draft draft = draft(prepared.kitfile(), builds.build());
            try (CommitSection section = store.layout().beginCommit()) {
                builds.commit();
                List<Digest> layerDigests = draft.manifest().layers().stream().map(Descriptor::digest).toList();
                try {
                    store.layout().putBlob(draft.configBytes());
                    Descriptor stored = store.save(draft.manifest(), request.targets());
                    return new PackResult(stored, draft.manifest(), draft.kitfile(), request.targets());
                } catch (RuntimeException e) {
                    // the layers are in blobs/ but no manifest names them: take back those nothing else uses
                    store.layout().removeUnused(layerDigests, null);
                    throw e;
                }
            }
        }
    }

    private PackPlan plan() {
        Prepared prepared = prepare();
        try (LayerBuilds builds = prepared.builds(LayerSink::discarding)) {
            List<BuiltLayer> layers = builds.build();
            Draft draft = draft(prepared.kitfile(), layers);
            return new PackPlan(request.contextDir(), draft.manifest(), draft.kitfile(), draft.configBytes(), layers,
                    request.compression());
        }
    }

    /** The Kitfile read and checked, and everything needed to build its layers. */
    private record Prepared(Kitfile kitfile, List<LayerEntry> entries, IgnoreRules ignore, Packer packer) {
        LayerBuilds builds(LayerSink.Factory sinks) {
            return new LayerBuilds(packer.request.contextDir(), entries, ignore, packer.request, sinks);
        }
    }

    private Prepared prepare() {
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
        return new Prepared(kitfile, entries, ignore, this);
    }

    /** The manifest and config of a pack whose layers are built, not yet stored anywhere. */
    private record Draft(Manifest manifest, Kitfile kitfile, byte[] configBytes) {
    }

    private Draft draft(Kitfile kitfile, List<BuiltLayer> layers) {
        List<LayerInfo> infos = new ArrayList<>();
        List<Descriptor> descriptors = new ArrayList<>();
        for (BuiltLayer layer : layers) {
            infos.add(new LayerInfo(layer.result().digest(), layer.result().diffId()));
            descriptors.add(layer.descriptor(request.format().family(), request.compression()));
        }
        Kitfile packed = kitfile.withLayers(infos);
        byte[] kitfileJson = KitfileJson.configBytes(packed);
        if (request.format() == PackFormat.MODELKIT) {
            return new Draft(modelKitManifest(kitfileJson, descriptors), packed, kitfileJson);
        }
        byte[] configBytes = GoJson.write(ModelPackConfig.of(packed, request.created(),
                layers.stream().map(layer -> layer.result().diffId()).toList()));
        return new Draft(modelPackManifest(kitfileJson, configBytes, descriptors), packed, configBytes);
    }

    /** Kit's manifest: as kit writes it, without a top-level mediaType (it is stored as an OCI manifest). */
    private Manifest modelKitManifest(byte[] configBytes, List<Descriptor> layers) {
        return Manifest.builder()
                .artifactType(MediaTypes.KIT_MANIFEST_ARTIFACT_TYPE)
                .config(configDescriptor(MediaTypes.KIT_CONFIG, configBytes))
                .layers(layers)
                .annotation(Annotations.KIT_CLI_VERSION, ModelKitVersion.get())
                .annotation(Annotations.CREATED, created())
                .build();
    }

    private Manifest modelPackManifest(byte[] kitfileJson, byte[] configBytes, List<Descriptor> descriptors) {
        return Manifest.builder()
                .mediaType(MediaTypes.OCI_MANIFEST)
                .artifactType(MediaTypes.MODELPACK_MANIFEST_ARTIFACT_TYPE)
                .config(configDescriptor(MediaTypes.MODELPACK_CONFIG, configBytes))
                .layers(descriptors)
                .annotation(Annotations.KIT_CLI_VERSION, ModelKitVersion.get())
                .annotation(Annotations.KITFILE, new String(kitfileJson, java.nio.charset.StandardCharsets.UTF_8))
                .annotation(Annotations.CREATED, created())
                .build();
    }

    private static Descriptor configDescriptor(String mediaType, byte[] bytes) {
        return new Descriptor(mediaType, Digest.sha256(bytes), bytes.length);
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
