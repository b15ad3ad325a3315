package io.modelkit.core.store;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.oci.Reference;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A place on disk that holds ModelKits: an {@link OciLayout} plus the rule that turns a
 * {@link Location} into an index ref name. {@link LocalStore} is the embedded default store
 * (names are full references such as {@code localhost/repo:tag}); {@link LayoutStore} is a plain
 * {@code oci:PATH} layout (names are bare tags, as skopeo expects). Blobs are written through
 * {@link #layout()}; the manifest comes last, through {@link #save}.
 */
public interface ModelKitStore {

    /** The layout that holds the blobs and the index. */
    OciLayout layout();

    /** The manifest that {@code location} names, if the store has it. */
    Optional<Descriptor> resolve(Location location);

    /**
     * Stores manifest (or index) bytes and names them after each target: every tag of a
     * reference, or the layout ref name. A target pinned to a digest must match the manifest. With
     * no names the manifest is kept untagged.
     */
    Descriptor save(byte[] manifestBytes, String mediaType, Collection<? extends Location> targets);

    /** Stores {@code manifest}; see {@link #save(byte[], String, Collection)}. */
    default Descriptor save(Manifest manifest, Collection<? extends Location> targets) {
        return save(manifest.bytes(), manifest.mediaType().orElse(MediaTypes.OCI_MANIFEST), targets);
    }

    /**
     * Removes the name {@code location} stands for; a manifest that no longer has any name
     * is dropped from the index (its blobs go at the next {@link OciLayout#gc()}).
     */
    boolean remove(Location location);

    /** What the store holds, in index order; entries whose manifest cannot be read are left out. */
    List<StoredModelKit> list();

    /**
     * The store a location lives in on this machine: the layout for {@code oci:PATH}, the
     * embedded store (under {@link ModelKitHome}) for a reference.
     */
    /** The existing store a location lives in, for reading or removing: nothing is created. */
    static ModelKitStore forReading(Location location, Map<String, String> env) {
        if (location instanceof LayoutReference layout) {
            return LayoutStore.openExisting(layout.path());
        }
        return forLocation(location, env);
    }

    /**
     * The store a location lives in, created if it does not exist yet: for writing. Reading uses
     * {@link #forReading}, which never creates a layout (a mistyped path is an error, and layouts
     * written by other tools are left as they are).
     */
    static ModelKitStore forLocation(Location location, Map<String, String> env) {
        if (location instanceof LayoutReference layout) {
            return LayoutStore.open(layout.path());
        }
        if (location instanceof Reference) {
            return LocalStore.open(ModelKitHome.resolve(env));
        }
        throw new ModelKitException("unsupported location " + location);
    }
}
