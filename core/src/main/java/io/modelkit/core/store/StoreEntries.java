package io.modelkit.core.store;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Index edits and listing shared by the two {@link ModelKitStore} implementations. */
final class StoreEntries {
    private StoreEntries() {
    }

    /**
     * Removes the entries {@code which} selects; a manifest left without any named entry is
     * dropped entirely. Returns whether anything was removed.
     */
    static boolean removeNames(OciLayout layout, Predicate<IndexEntry> which) {
        return layout.updateEntries(entries -> {
            Set<Digest> affected = new LinkedHashSet<>();
            for (IndexEntry entry : entries) {
                if (which.test(entry)) {
                    affected.add(entry.manifest().digest());
                }
            }
            entries.removeIf(which);
            for (Digest digest : affected) {
                boolean stillNamed = entries.stream()
                        .anyMatch(entry -> entry.manifest().digest().equals(digest) && entry.refName().isPresent());
                if (!stillNamed) {
                    entries.removeIf(entry -> entry.manifest().digest().equals(digest));
                }
            }
            return !affected.isEmpty();
        });
    }

    /** Each image manifest entry with its location; unreadable manifests and indexes are left out. */
    static List<StoredModelKit> list(OciLayout layout, Function<String, Optional<Location>> locationOfName) {
        List<StoredModelKit> kits = new ArrayList<>();
        for (IndexEntry entry : layout.entries()) {
            if (MediaTypes.isIndex(entry.manifest().mediaType()) || !layout.hasBlob(entry.manifest().digest())) {
                continue;
            }
            try {
                Manifest manifest = layout.readManifest(entry.manifest().digest());
                kits.add(new StoredModelKit(entry.refName().flatMap(locationOfName), manifest));
            } catch (ModelKitException e) {
                // A damaged manifest does not hide the others; gc reports it when it walks the index.
            }
        }
        return List.copyOf(kits);
    }

    static void requireDigest(Location target, Digest pinned, Digest actual) {
        if (!pinned.equals(actual)) {
            throw new ModelKitException(target + " pins " + pinned + " but the manifest is " + actual);
        }
    }
}
