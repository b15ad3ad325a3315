package io.modelkit.core.store;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default store: one OCI image layout at {@code $MODELKIT_HOME/storage} shared by
 * all repositories. Index ref names are full references, {@code localhost/repo:tag} or
 * {@code registry.example.com:5000/team/model:1.0}, so skopeo reads a kit as
 * {@code oci:STORAGE:localhost/repo:tag}. A reference pinned to a digest is recorded as
 * {@code registry/repo@sha256:…}, which keeps the manifest listed under its repository; a bare
 * digest ({@code localhost/_@…}) is kept untagged.
 */
public final class LocalStore implements ModelKitStore {
    private final OciLayout layout;

    private LocalStore(OciLayout layout) {
        this.layout = layout;
    }

    /** Opens (creating if needed) the store in {@code home}. */
    public static LocalStore open(ModelKitHome home) {
        return open(home.storage());
    }

    /** Opens (creating if needed) the store whose layout is {@code storageDir}. */
    public static LocalStore open(Path storageDir) {
        return new LocalStore(OciLayout.open(storageDir));
    }

    /** Opens the store of the home that {@code env} selects. */
    public static LocalStore openDefault(Map<String, String> env) {
        return open(ModelKitHome.resolve(env));
    }

    @Override
    public OciLayout layout() {
        return layout;
    }

    /** The index ref name of a tagged reference or a digest-pinned one (empty for a bare digest). */
    public static Optional<String> refName(Reference reference) {
        if (reference.isDigest() && Reference.DEFAULT_REPOSITORY.equals(reference.repository())) {
            return Optional.empty();
        }
        return Optional.of(reference.toString()); // the main tag or digest; extra tags are separate names
    }

    @Override
    public Optional<Descriptor> resolve(Location location) {
        Reference reference = asReference(location);
        Optional<Descriptor> named = refName(reference).flatMap(layout::resolve);
        if (named.isPresent() || !reference.isDigest()) {
            return named;
        }
        return layout.resolve(reference.digest());
    }

    @Override
    public Descriptor save(byte[] manifestBytes, String mediaType, Collection<? extends Location> targets) {
        Digest digest = Digest.sha256(manifestBytes);
        List<String> names = new ArrayList<>();
        for (Location target : targets) {
            Reference reference = asReference(target);
            if (reference.isDigest()) {
                StoreEntries.requireDigest(reference, reference.digest(), digest);
                refName(reference).ifPresent(names::add);
            }
            reference.taggedReferences().forEach(tagged -> names.add(tagged.toString()));
        }
        return layout.putManifest(manifestBytes, mediaType, names);
    }

    /**
     * Removes a tag, or with a digest every name of that manifest in the reference's repository
     * (every name at all for a bare digest); a manifest left without names is dropped.
     */
    @Override
    public boolean remove(Location location) {
        Reference reference = asReference(location);
        if (!reference.isDigest()) {
            // repo:t1,t2 names several tags, and all of them go, as with kit
            List<String> names = reference.taggedReferences().stream().map(Reference::toString).toList();
            return StoreEntries.removeNames(layout, entry -> names.stream().anyMatch(entry::hasName));
        }
        boolean everywhere = refName(reference).isEmpty();
        String repository = reference.repositoryName();
        return StoreEntries.removeNames(layout, entry -> entry.manifest().digest().equals(reference.digest())
                && (everywhere || entry.refName().filter(name -> name.startsWith(repository + ":")
                        || name.startsWith(repository + "@")).isPresent()));
    }

    @Override
    public List<StoredModelKit> list() {
        return StoreEntries.list(layout, name -> {
            try {
                return Optional.of(Reference.parse(name));
            } catch (ModelKitException e) {
                return Optional.empty(); // a name another tool gave; shown as untagged
            }
        });
    }

    private Reference asReference(Location location) {
        if (location instanceof Reference reference) {
            return reference;
        }
        throw new ModelKitException(location + " is an OCI layout, not a reference; the local store at "
                + layout.root() + " holds references such as localhost/repo:tag");
    }

    @Override
    public String toString() {
        return "local store " + layout.root();
    }
}
