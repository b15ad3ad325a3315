package io.modelkit.core.container;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.registry.Loopback;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RegistryException;
import io.modelkit.core.registry.auth.CredentialProvider;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.ModelKitHome;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds a serving image from a ModelKit with jib-core, without a Docker daemon: the base image's
 * layers as they are, then one layer per selected ModelKit layer (so an unchanged weights layer
 * keeps its digest between versions and is not pushed again), the entrypoint, environment, ports
 * and the labels of {@link ImageLabels}. With no creation time the build is reproducible: jib
 * writes fixed timestamps, entries are sorted and modes fixed, and the base is pinned to the digest
 * it had when the build started.
 */
public final class Containerizer {
    /** Where base image layers are cached, under the ModelKit home. */
    public static final String BASE_LAYERS_CACHE = "cache/base-layers";

    private final Endpoints endpoints;
    private final CredentialProvider credentials;

    /**
     * @param endpoints   where references lead (the store, layouts, registry clients with the front end's settings)
     * @param credentials the same credentials, for jib's own registry connections
     */
    public Containerizer(Endpoints endpoints, CredentialProvider credentials) {
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    public ContainerizeResult containerize(ContainerizeRequest request) {
        ProgressListener listener = request.listener();
        Endpoint source = endpoints.reading(request.source(), false);
        ModelKitContents kit = ModelKitReader.read(source);
        Digest modelKit = kit.manifest().digest();
        source = Endpoints.pinned(source, modelKit);
        List<BoundLayer> selected = kit.layers().stream()
                .filter(layer -> layer.entry() != null && request.include().contains(ContentKind.of(layer.entry().kind())))
                .toList();
        Digest baseDigest = resolveBase(request.base());
        Path workDir = createWorkDir();
        try {
            AbsoluteUnixPath modelDir = AbsoluteUnixPath.get(request.modelDir());
            // jib drops a layer without entries: leaving those out keeps each image layer paired with its ModelKit layer
            List<StagedLayers.Staged> staged = StagedLayers.stage(source, selected, modelDir, workDir, listener).stream()
                    .filter(layer -> !layer.jibLayer().getEntries().isEmpty()).toList();
            JibContainerBuilder builder = Jib.from(JibRegistries.image(request.base().withDigest(baseDigest), credentials))
                    .setFormat(ImageFormat.OCI)
                    .setFileEntriesLayers(staged.stream().map(StagedLayers.Staged::jibLayer).toList())
                    .setEnvironment(request.environment())
                    .setLabels(ImageLabels.of(kit.kitfile().kitPackage(), request.sourceName(), modelKit,
                            request.base(), baseDigest, request.modelDir(), request.creationTime()));
            if (!request.entrypoint().isEmpty()) {
                builder.setEntrypoint(request.entrypoint());
            }
            request.ports().forEach(port -> builder.addExposedPort(Port.tcp(port)));
            if (request.creationTime() != null) {
                builder.setCreationTime(request.creationTime());
            }
            listener.info("Building " + request.target() + " from " + request.sourceName() + " on " + request.base()
                    + "@" + baseDigest + " (" + staged.size() + " ModelKit layers)");
            Built built = build(builder, request, workDir);
            ContainerizeResult result = result(built, staged, modelKit, baseDigest);
            return request.attestation() == null ? result : result.withAttestation(attest(request, result));
        } finally {
            deleteRecursively(workDir);
        }
    }

    /** The base image's digest now; the build then uses exactly that image. */
    private Digest resolveBase(Reference base) {
        Reference named = Endpoints.registryReference(base, "base image");
        RegistryClient client = endpoints.registry(named).client();
        try {
            return client.headManifest(named.repository(), named.reference())
                    .orElseThrow(() -> new ModelKitException("base image " + named + " not found"))
                    .digest();
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.UNAUTHORIZED || e.kind() == RegistryException.Kind.DENIED) {
                throw new ModelKitException("no access to base image " + named + " (HTTP " + e.status()
                        + "): log in with 'modelkit login' or set the registry's credentials", e);
            }
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                throw new ModelKitException("base image " + named + " not found", e);
            }
            throw e;
        }
    }

    /** What jib wrote, and the manifest read back from where it went. */
    private record Built(String reference, Descriptor image, Manifest manifest, Digest config) {
    }

    private Built build(JibContainerBuilder builder, ContainerizeRequest request, Path workDir) {
        ImageTarget target = request.target();
        Path archive = null;
        com.google.cloud.tools.jib.api.Containerizer containerizer;
        if (target instanceof ImageTarget.Registry registry) {
            containerizer = com.google.cloud.tools.jib.api.Containerizer.to(JibRegistries.image(registry.reference(), credentials));
        } else {
            // jib writes an OCI archive; a layout is filled from it by our own layout code
            archive = target instanceof ImageTarget.Tar tar ? temporarySibling(tar.file()) : workDir.resolve("image.tar");
            containerizer = com.google.cloud.tools.jib.api.Containerizer.to(TarImage.at(archive).named(tarName(request)));
        }
        containerizer.setAllowInsecureRegistries(request.plainHttp() || loopbackOnly(request))
                .setApplicationLayersCache(workDir.resolve("jib-cache"))
                // base layers are kept between builds, in the tool's home rather than jib's per-user default
                .setBaseImageLayersCache(ModelKitHome.resolve(endpoints.env()).path().resolve(BASE_LAYERS_CACHE))
                .setToolName("modelkit")
                .setToolVersion(ModelKitVersion.get())
                .addEventHandler(LogEvent.class, event -> log(request.listener(), event));
        JibContainer container;
        try {
            container = builder.containerize(containerizer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(archive);
            throw new ModelKitException("interrupted while building " + target, e);
        } catch (ExecutionException | IOException | com.google.cloud.tools.jib.api.RegistryException
                 | com.google.cloud.tools.jib.api.CacheDirectoryCreationException | RuntimeException e) {
            deleteQuietly(archive);
            throw JibRegistries.failure(e, target);
        }
        Digest config = Digest.parse(container.getImageId().toString());
        if (target instanceof ImageTarget.Registry registry) {
            Reference reference = registry.reference();
            byte[] bytes = endpoints.registry(reference).client()
                    .getManifest(reference.repository(), container.getDigest().toString()).bytes();
            Manifest manifest = Manifest.parse(bytes);
            return new Built(reference.toString(), manifest.descriptor(), manifest, config);
        }
        if (target instanceof ImageTarget.Tar tar) {
            OciArchive.Image image;
            try {
                image = new OciArchive(archive).image();
            } catch (RuntimeException e) {
                deleteQuietly(archive);
                throw e;
            }
            moveIntoPlace(archive, tar.file());
            return new Built(tar.toString(), image.descriptor(), Manifest.parse(image.manifest()), config);
        }
        ImageTarget.Layout layout = (ImageTarget.Layout) target;
        Descriptor descriptor = new OciArchive(archive).copyTo(layout.layout());
        Manifest manifest = Manifest.parse(LayoutStore.open(layout.layout().path()).layout().readBlob(descriptor.digest()));
        return new Built(layout.toString(), descriptor, manifest, config);
    }

    /** Stores signed provenance next to the image: in its registry repository, or in its layout. */
    private Descriptor attest(ContainerizeRequest request, ContainerizeResult result) {
        AttestationStore store;
        String subjectName;
        if (request.target() instanceof ImageTarget.Registry registry) {
            Reference reference = registry.reference();
            store = new RegistryAttestationStore(endpoints.registry(reference).client(), reference.repository());
            subjectName = reference.registry() + "/" + reference.repository();
        } else {
            LayoutReference layout = ((ImageTarget.Layout) request.target()).layout();
            store = new StoreAttestationStore(LayoutStore.open(layout.path()), layout);
            subjectName = LayoutReference.PREFIX + layout.path();
        }
        Descriptor referrer = ImageProvenance.attest(request, result, subjectName, request.attestation(), store, Instant.now());
        request.listener().info("Attested " + result.imageReference() + "@" + result.imageDigest() + " with key "
                + request.attestation().key().fingerprint() + ": bundle referrer " + referrer.digest());
        return referrer;
    }

    private static ContainerizeResult result(Built built, List<StagedLayers.Staged> staged,
            Digest modelKit, Digest baseDigest) {
        List<Descriptor> layers = built.manifest().layers();
        if (layers.size() < staged.size()) {
            throw new ModelKitException("the image " + built.reference() + " has " + layers.size()
                    + " layers, fewer than the " + staged.size() + " ModelKit layers added");
        }
        List<ContainerizeResult.AddedLayer> added = new ArrayList<>();
        int first = layers.size() - staged.size();
        for (int i = 0; i < staged.size(); i++) {
            StagedLayers.Staged layer = staged.get(i);
            added.add(new ContainerizeResult.AddedLayer(layer.kind(), layer.layer().entry().path(),
                    layer.layer().descriptor().digest(), layers.get(first + i)));
        }
        Descriptor image = new Descriptor(built.manifest().mediaType().orElse(built.image().mediaType()),
                built.image().digest(), built.image().size());
        return new ContainerizeResult(built.reference(), image, built.config(), layers, added, modelKit, baseDigest, null);
    }

    /** jib's name for the image inside an archive; a layout's own tag is set when the image is copied into it. */
    private static com.google.cloud.tools.jib.api.ImageReference tarName(ContainerizeRequest request) {
        String tag = request.target() instanceof ImageTarget.Layout layout ? layout.layout().refName() : Reference.DEFAULT_TAG;
        return com.google.cloud.tools.jib.api.ImageReference.of(null, "modelkit", tag);
    }

    private static boolean loopbackOnly(ContainerizeRequest request) {
        boolean base = Loopback.is(request.base().registry());
        return request.target() instanceof ImageTarget.Registry registry
                ? base && Loopback.is(registry.reference().registry())
                : base;
    }

    private static void log(ProgressListener listener, LogEvent event) {
        switch (event.getLevel()) {
            case ERROR, WARN -> listener.warn(event.getMessage());
            case LIFECYCLE -> listener.info(event.getMessage());
            default -> {
                // progress, info and debug lines are jib's internals
            }
        }
    }

    private static Path temporarySibling(Path file) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelKitException("bad target 'tar:" + file + "': the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new ModelKitException("bad target 'tar:" + file + "': it is a directory");
        }
        return dir.resolve("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    private static void moveIntoPlace(Path temporary, Path file) {
        try {
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("modelkit-containerize-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the image", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless; the build's own error matters more
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Containerizer::deleteQuietly);
        } catch (IOException e) {
            // same as above: the temporary tree is not worth failing a finished build
        }
    }
}
