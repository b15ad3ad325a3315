package io.modelkit.core.store;

import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a store listing: the name a manifest is stored under (empty for an untagged
 * manifest) and the manifest itself.
 */
public record StoredModelKit(Optional<Location> location, Manifest manifest) {

    public StoredModelKit {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(manifest, "manifest");
    }

    public Digest digest() {
        return manifest.digest();
    }

    /** {@code registry/repository} for the local store, {@code oci:PATH} for a layout, empty if untagged. */
    public String repository() {
        return location.map(where -> where instanceof Reference reference ? reference.repositoryName()
                : LayoutReference.PREFIX + ((LayoutReference) where).path()).orElse("");
    }

    /** The tag (or layout ref name); empty when the entry is untagged or pinned by digest. */
    public String tag() {
        return location.map(where -> where instanceof Reference reference ? Objects.toString(reference.tag(), "")
                : ((LayoutReference) where).name().orElse("")).orElse("");
    }

    /** The {@code org.opencontainers.image.created} annotation. */
    public Optional<String> created() {
        return manifest.annotation(Annotations.CREATED);
    }

    /** Manifest, config and each distinct layer, in bytes: what the ModelKit occupies in the store. */
    public long totalSize() {
        long total = manifest.size() + manifest.config().size();
        Set<Digest> seen = new HashSet<>();
        seen.add(manifest.config().digest());
        for (Descriptor layer : manifest.layers()) {
            if (seen.add(layer.digest())) {
                total += layer.size();
            }
        }
        return total;
    }
}
