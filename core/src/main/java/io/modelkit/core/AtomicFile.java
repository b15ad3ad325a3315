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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a small file so that readers see the old content or the new, never a half-written one:
 * to a temporary name, then an atomic rename. The result is readable by all (0644), as the files
 * beside it are, whatever mode the temporary file was created with; a private file (a key, stored
 * credentials) is 0600 from the moment its temporary file exists, before any secret is in it.
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

    /**
     * Writes {@code content} readable by its owner only (0600 where the file system has modes) and
     * forces it to disk before the rename, with the temporary file beside the target.
     */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = POSIX
                ? Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        InFlightWrites.track(temp);
        try {
            if (POSIX) {
                Files.setPosixFilePermissions(temp, OWNER_ONLY); // the umask applies to the creation mode
            }
            fill(temp, content, true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            InFlightWrites.forget(temp);
        }
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static void fill(Path temp, byte[] content, boolean durable) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        }
    }

    private static void write(Path target, byte[] content, Path tempDir, boolean durable) throws IOException {
        Files.createDirectories(tempDir);
        Path temp = InFlightWrites.track(Files.createTempFile(tempDir, "." + target.getFileName() + "-", ".tmp"));
        try {
            fill(temp, content, durable);
            if (POSIX) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            InFlightWrites.forget(temp);
        }
    }
}
