package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.registry.BlobSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * One end of a copy: the local store, an OCI layout or a registry repository, with the name the
 * ModelKit has there. Push, pull and promotion are all copies between two endpoints.
 */
public interface Endpoint {

    /** What the endpoint is, for messages: a reference or {@code oci:PATH:TAG}. */
    String describe();

    /** The manifest this endpoint's name points at, as exact bytes. */
    ManifestBytes manifest();

    boolean hasBlob(Descriptor blob);

    /** The blob's bytes from {@code offset}; the receiving end verifies the digest. */
    InputStream openBlob(Descriptor blob, long offset) throws IOException;

    /** Stores a blob, verifying its digest; {@code source} can be reopened at an offset to resume. */
    void putBlob(Descriptor blob, BlobSource source);

    /** Stores the manifest and names it as this endpoint says; returns its descriptor. */
    Descriptor putManifest(ManifestBytes manifest);
}
