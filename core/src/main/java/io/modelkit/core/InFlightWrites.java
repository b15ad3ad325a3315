package io.modelkit.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What this process is writing (blobs into layouts, files into an unpack target), so that a
 * process stopped by Ctrl-C or SIGTERM leaves everything as it was: on shutdown, commit sections
 * that are under way finish (they are short: renames and an index update), no new one starts, and
 * every temporary file is deleted.
 */
public final class InFlightWrites {
    private static final Set<Path> TEMP_FILES = ConcurrentHashMap.newKeySet();
    private static final ReentrantReadWriteLock COMMITS = new ReentrantReadWriteLock();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(InFlightWrites::stop, "modelkit-store-cleanup"));
    }

    private InFlightWrites() {
    }

    /** Deletes {@code tempFile} if the process stops before {@link #forget} is called. */
    public static Path track(Path tempFile) {
        TEMP_FILES.add(tempFile);
        return tempFile;
    }

    /** {@code tempFile} was renamed into place or deleted. */
    public static void forget(Path tempFile) {
        TEMP_FILES.remove(tempFile);
    }

    /** Enters a section whose renames must all happen or none; refused once shutdown has begun. */
    public static CommitSection enterCommit(Path layout) {
        COMMITS.readLock().lock();
        if (stopping) {
            COMMITS.readLock().unlock();
            throw new ModelKitException("interrupted before anything was stored in " + layout);
        }
        return () -> COMMITS.readLock().unlock();
    }

    private static void stop() {
        stopping = true;
        try {
            // Let a commit that is under way finish, so that the layout is either before or after it.
            COMMITS.writeLock().tryLock(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Path file : TEMP_FILES) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a later gc removes it: temporary files never count as content
            }
        }
    }
}
