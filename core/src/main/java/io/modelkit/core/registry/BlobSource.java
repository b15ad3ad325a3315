package io.modelkit.core.registry;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of a blob being pushed, readable again from any offset: an upload that resumes
 * after a dropped connection reopens it where the registry says it stopped.
 */
@FunctionalInterface
public interface BlobSource {
    /** A stream of the blob's bytes starting at {@code offset}; the caller closes it. */
    InputStream open(long offset) throws IOException;
}
