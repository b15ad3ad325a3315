package io.modelkit.core.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The process's file mode creation mask, which Java does not expose: read once from a directory
 * made without explicit permissions. Unpacked modes honour it, as kit's (and tar's) do, so that a
 * layer with world-writable entries does not make world-writable files.
 */
final class Umask {
    private static final int DEFAULT = 0022;
    private static final int VALUE = read();

    private Umask() {
    }

    static int get() {
        return VALUE;
    }

    private static int read() {
        Path dir = null;
        try {
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            dir = parent.resolve(".modelkit-umask-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.createDirectory(dir); // mode 0777 & ~umask
            Set<PosixFilePermission> granted = Files.getPosixFilePermissions(dir);
            int mode = 0;
            for (PosixFilePermission permission : granted) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return 0777 & ~mode;
        } catch (IOException | UnsupportedOperationException e) {
            return DEFAULT;
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a stray empty directory in the temporary directory
                }
            }
        }
    }
}
