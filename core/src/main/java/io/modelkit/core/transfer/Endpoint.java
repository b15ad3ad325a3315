package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.registry.BlobSource;

/**
 * One end of a copy: the local store, an OCI layout or a registry repository, with the name the
 * ModelKit has there. Push, pull and promotion are all copies between two endpoints.
 */
public interface Endpoint extends ModelKitSource {

    boolean hasBlob(Descriptor blob);

    /** Stores a blob, verifying its digest; {@code source} can be reopened at an offset to resume. */
    void putBlob(Descriptor blob, BlobSource source);

    /** Stores the manifest and names it as this endpoint says; returns its descriptor. */
    Descriptor putManifest(ManifestBytes manifest);
}
