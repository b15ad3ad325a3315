package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;

/** A manifest as it travels: its exact bytes and the media type it is served with. */
public record ManifestBytes(byte[] bytes, String mediaType) {
    public ManifestBytes {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public Digest digest() {
        return Digest.sha256(bytes);
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest(), bytes.length);
    }

    public Manifest parse() {
        return Manifest.parse(bytes);
    }
}
