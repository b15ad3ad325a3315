package io.modelkit.core.oci;

import io.modelkit.core.ModelKitException;

/** A blob's bytes do not match the digest or size of the descriptor that named it. */
public class BlobVerificationException extends ModelKitException {
    private static final long serialVersionUID = 1L;

    public BlobVerificationException(String message) {
        super(message);
    }
}
