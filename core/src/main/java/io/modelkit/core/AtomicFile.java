package io.modelkit.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a small file so that readers see the old content or the new, never a half-written one:
 * to a temporary name, then an atomic rename. The result is readable by all (0644), as the files
 * beside it are, whatever mode the temporary file was created with.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target}, with the temporary file beside it. */
    public static void write(Path target, byte[] content) {
        try {
            write(target, content, target.toAbsolutePath().getParent(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Writes {@code content} to {@code target} and forces it to disk before the rename, with the
     * temporary file in {@code tempDir} (on the same file system): for files such as an OCI index,
     * which must survive a power cut in one piece.
     */
    public static void writeDurably(Path target, byte[] content, Path tempDir) throws IOException {
        write(target, content, tempDir, true);
    }

    private static void write(Path target, byte[] content, Path tempDir, boolean durable) throws IOException {
        Files.createDirectories(tempDir);
        Path temp = InFlightWrites.track(Files.createTempFile(tempDir, "." + target.getFileName() + "-", ".tmp"));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            InFlightWrites.forget(temp);
        }
    }
}
