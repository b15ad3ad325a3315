package io.modelkit.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock around every change to a layout's {@code index.json} and around gc. A file
 * lock excludes other processes; it does not exclude threads of this JVM (a second lock on the
 * same file throws instead), so a per-layout JVM lock is taken first. Re-entrant per thread.
 */
final class LayoutLock {
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock jvmLock;

    LayoutLock(Path layoutRoot, Path lockFile) {
        this.lockFile = lockFile;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(layoutRoot, root -> new ReentrantLock());
    }

    interface Action<T> {
        T run() throws IOException;
    }

    <T> T exclusive(Action<T> action) throws IOException {
        if (jvmLock.isHeldByCurrentThread()) {
            return action.run();
        }
        jvmLock.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock fileLock = channel.lock();
                try {
                    return action.run();
                } finally {
                    fileLock.release();
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }
}
