package io.modelkit.core.store;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A plain OCI image layout addressed as {@code oci:PATH[:TAG]}: index ref names are bare tags,
 * which is what skopeo and oras look up for {@code oci:PATH:TAG}. {@code oci:PATH} without a tag
 * resolves only when the layout holds exactly one manifest, as skopeo does.
 */
public final class LayoutStore implements ModelKitStore {
    private final OciLayout layout;

    private LayoutStore(OciLayout layout) {
        this.layout = layout;
    }

    /** Opens the layout at {@code dir}, creating it if the directory is missing or empty. */
    public static LayoutStore open(Path dir) {
        return new LayoutStore(OciLayout.open(dir));
    }

    /** Opens an existing layout; fails if {@code dir} is not one. */
    public static LayoutStore openExisting(Path dir) {
        return new LayoutStore(OciLayout.openExisting(dir));
    }

    @Override
    public OciLayout layout() {
        return layout;
    }

    @Override
    public Optional<Descriptor> resolve(Location location) {
        LayoutReference reference = asLayoutReference(location);
        if (reference.refName() != null) {
            return layout.resolve(reference.refName());
        }
        if (reference.digest() != null) {
            return layout.resolve(reference.digest());
        }
        List<Descriptor> manifests = layout.entries().stream().map(IndexEntry::manifest)
                .filter(distinctDigests()).toList();
        if (manifests.size() > 1) {
            throw new ModelKitException(reference + " holds " + manifests.size()
                    + " manifests; name one with " + reference + ":TAG or " + reference + "@sha256:…");
        }
        return manifests.stream().findFirst();
    }

    @Override
    public Descriptor save(byte[] manifestBytes, String mediaType, Collection<? extends Location> targets) {
        Digest digest = Digest.sha256(manifestBytes);
        List<String> names = new ArrayList<>();
        for (Location target : targets) {
            LayoutReference reference = asLayoutReference(target);
            if (reference.digest() != null) {
                StoreEntries.requireDigest(reference, reference.digest(), digest);
            }
            reference.name().ifPresent(names::add);
        }
        return layout.putManifest(manifestBytes, mediaType, names);
    }

    /** Removes a tag, or with a digest every entry of that manifest; a manifest left without tags is dropped. */
    @Override
    public boolean remove(Location location) {
        LayoutReference reference = asLayoutReference(location);
        if (reference.refName() != null) {
            return StoreEntries.removeNames(layout, entry -> entry.hasName(reference.refName()));
        }
        if (reference.digest() != null) {
            return layout.removeManifest(reference.digest());
        }
        throw new ModelKitException("name the manifest to remove from " + reference + ": " + reference + ":TAG or " + reference + "@sha256:…");
    }

    @Override
    public List<StoredModelKit> list() {
        return StoreEntries.list(layout, name -> Optional.of(LayoutReference.of(layout.root(), name)));
    }

    private LayoutReference asLayoutReference(Location location) {
        if (location instanceof LayoutReference reference && sameDirectory(reference.path())) {
            return reference;
        }
        throw new ModelKitException(location + " is not in the OCI layout " + layout.root());
    }

    private boolean sameDirectory(Path path) {
        try {
            return Files.exists(path) && Files.isSameFile(path, layout.root());
        } catch (IOException e) {
            return false;
        }
    }

    private static Predicate<Descriptor> distinctDigests() {
        Set<Digest> seen = new HashSet<>();
        return descriptor -> seen.add(descriptor.digest());
    }

    @Override
    public String toString() {
        return "layout store " + layout.root();
    }
}
