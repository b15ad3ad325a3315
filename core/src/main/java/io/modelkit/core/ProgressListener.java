package io.modelkit.core;

/**
 * The one way progress and log lines leave the core: the core never prints. The CLI draws progress
 * bars from these calls; the Jenkins plugin writes them to the build log. Implementations must be
 * thread-safe, because layers are built and blobs are moved in parallel.
 */
public interface ProgressListener {

    /** A listener that drops everything. */
    ProgressListener NONE = new ProgressListener() { };

    /** Something worth a line in the log, such as a skipped symlink. */
    default void warn(String message) {
    }

    /** A step the user may want to know about, such as "Saved model layer". */
    default void info(String message) {
    }

    /** A task that moves {@code totalBytes} bytes has started; {@code totalBytes} is -1 if unknown. */
    default void started(String task, long totalBytes) {
    }

    /** {@code bytes} more bytes of {@code task} have been processed. */
    default void advanced(String task, long bytes) {
    }

    /** {@code task} has finished. */
    default void finished(String task) {
    }
}
