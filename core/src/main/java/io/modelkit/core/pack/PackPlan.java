package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack whose every digest is known but whose layers were not kept: {@link Packer#plan} hashed
 * them. {@link #openBlob} produces a layer's bytes again from the files, as often as asked (an
 * upload that resumes opens it again), so a ModelKit can go to a registry without a copy on disk.
 */
public final class PackPlan {
    private final Path contextDir;
    private final Manifest manifest;
    private final Kitfile kitfile;
    private final byte[] configBytes;
    private final Map<Digest, BuiltLayer> layers = new LinkedHashMap<>();
    private final Compression compression;

    PackPlan(Path contextDir, Manifest manifest, Kitfile kitfile, byte[] configBytes, List<BuiltLayer> layers,
             Compression compression) {
        this.contextDir = contextDir;
        this.manifest = manifest;
        this.kitfile = kitfile;
        this.configBytes = configBytes.clone();
        this.compression = compression;
        layers.forEach(layer -> this.layers.putIfAbsent(layer.result().digest(), layer));
    }

    /** The manifest the pack would store, as exact bytes through {@link Manifest#bytes()}. */
    public Manifest manifest() {
        return manifest;
    }

    /** The Kitfile with its layer digests, as in the config blob. */
    public Kitfile kitfile() {
        return kitfile;
    }

    public Path contextDir() {
        return contextDir;
    }

    /**
     * The bytes of one of the manifest's blobs: the config, or a layer built again from the files.
     * A layer whose files changed since the plan ends with an error naming it.
     *
     * @throws ModelKitException if the manifest has no such blob
     */
    public InputStream openBlob(Descriptor blob) {
        if (blob.digest().equals(manifest.config().digest())) {
            return new ByteArrayInputStream(configBytes);
        }
        BuiltLayer layer = layers.get(blob.digest());
        if (layer == null) {
            throw new ModelKitException("the pack of " + contextDir + " has no blob " + blob.digest());
        }
        String task = LayerBuilds.taskName(layer.entry());
        // built on one thread: the upload sets the pace, and several layers go at once in a small heap
        return new RebuiltLayerStream(task, layer.result().digest(), out -> layer.contents() == null
                ? LayerWriter.writeRawLayer(contextDir.resolve(layer.entry().path()), Compression.NONE, out,
                        ProgressListener.NONE, task, false)
                : LayerWriter.writeTarLayer(contextDir, layer.contents(), compression, out, ProgressListener.NONE, task,
                        false));
    }
}
