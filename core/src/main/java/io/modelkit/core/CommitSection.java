package io.modelkit.core;

/**
 * Held while a writer makes its results visible (renames blobs into place, names the manifest):
 * a process shutting down waits for open sections, so it never leaves half of a commit behind.
 */
@FunctionalInterface
public interface CommitSection extends AutoCloseable {
    @Override
    void close();
}
