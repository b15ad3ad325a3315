package io.modelkit.core.store;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import java.util.Objects;

/** A blob committed to a layout: its digest and size. */
public record StoredBlob(Digest digest, long size) {

    public StoredBlob {
        Objects.requireNonNull(digest, "digest");
    }

    /** The descriptor of this blob with {@code mediaType}. */
    public Descriptor descriptor(String mediaType) {
        return new Descriptor(mediaType, digest, size);
    }
}
