package io.modelkit.core.unpack;

import io.modelkit.core.ModelKitException;

/**
 * The bytes of a layer could not be read as what its media type promises: a truncated or malformed
 * tar stream, a broken gzip or zstd stream, or a raw file whose size contradicts its metadata.
 * Kept apart from refusals of hostile entries because such damage usually means the blob itself is
 * corrupt, which a digest check can then confirm.
 */
public class ArchiveFormatException extends ModelKitException {
    private static final long serialVersionUID = 1L;

    public ArchiveFormatException(String message) {
        super(message);
    }

    public ArchiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
