package io.modelkit.core.registry;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;

/**
 * A manifest or index as the registry stored it: its exact bytes, the media type the registry
 * gave, and its digest, which is the sha256 of the bytes (checked on arrival).
 */
public record ManifestResponse(byte[] bytes, String mediaType, Digest digest) {

    /** The descriptor that points to this manifest. */
    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }
}
