package io.modelkit.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a small file so that readers see the old content or the new, never a half-written one:
 * to a temporary name beside it, then an atomic rename.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} with mode 0644, replacing what is there. */
    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
            Files.write(temp, content);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // createTempFile makes the file private; a Kitfile is as readable as the files beside it
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the rename happened or the error above says why not; a stray temporary name is harmless
                }
            }
        }
    }
}
