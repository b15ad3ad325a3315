package io.modelkit.core.provenance.oci;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;

/** Small blobs (envelopes, bundles) read whole: bounded, and checked against the digest that named them. */
final class BlobBytes {
    /** An attestation is kilobytes; anything near this is not one. */
    static final int MAX_BYTES = 16 << 20;

    private BlobBytes() {
    }

    static byte[] read(InputStream in, Descriptor blob, String where) {
        if (blob.size() > MAX_BYTES) {
            throw new ModelKitException(where + ": blob " + blob.digest() + " is " + blob.size()
                    + " bytes, more than an attestation can be");
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES || !Digest.sha256(bytes).equals(blob.digest())) {
                throw new ModelKitException(where + ": blob " + blob.digest() + " does not match its digest");
            }
            return bytes;
        } catch (IOException e) {
            throw new ModelKitException(where + ": cannot read blob " + blob.digest() + ": " + e.getMessage(), e);
        }
    }
}
