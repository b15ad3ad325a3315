package io.modelkit.core.unpack;

/**
 * What one extraction put in place.
 *
 * @param filesWritten       regular files created or replaced
 * @param filesSkipped       entries skipped because the file existed and ignore-existing was on
 * @param directoriesCreated directories that did not exist before
 * @param bytesWritten       bytes of file content written
 */
public record ExtractResult(int filesWritten, int filesSkipped, int directoriesCreated, long bytesWritten) {
}
