package io.modelkit.core.transfer;

import java.io.IOException;
import java.io.InputStream;
import io.modelkit.core.oci.Descriptor;

/** Where a copy reads a ModelKit from: any {@link Endpoint}, or a pack that was never stored. */
public interface ModelKitSource {

    /** What the source is, for messages: a reference, {@code oci:PATH:TAG} or a directory. */
    String describe();

    /** The manifest, as exact bytes. */
    ManifestBytes manifest();

    /** The blob's bytes from {@code offset}; the receiving end verifies the digest. */
    InputStream openBlob(Descriptor blob, long offset) throws IOException;
}
