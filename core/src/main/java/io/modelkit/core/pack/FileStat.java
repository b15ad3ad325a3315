package io.modelkit.core.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

/**
 * What the walk needs to know about one path, read without following symbolic links, in one
 * system call where the platform allows. {@code mode} holds the permission bits with setuid,
 * setgid and sticky ({@code 07777}), which is what Go's {@code tar.FileInfoHeader} puts in a header.
 */
record FileStat(Kind kind, long size, int mode) {

    /** The kinds of file system entries; only regular files and directories are packed. */
    enum Kind {
        REGULAR("file"), DIRECTORY("directory"), SYMLINK("symbolic link"), OTHER("special file");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_REGULAR = 0100000;
    private static final int TYPE_DIRECTORY = 0040000;
    private static final int TYPE_SYMLINK = 0120000;
    private static final int MODE_BITS = 07777;

    static FileStat read(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) attributes.get("mode");
            return new FileStat(kindOf(mode & TYPE_MASK), (Long) attributes.get("size"), mode & MODE_BITS);
        }
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Kind kind = basic.isRegularFile() ? Kind.REGULAR
                : basic.isDirectory() ? Kind.DIRECTORY
                : basic.isSymbolicLink() ? Kind.SYMLINK
                : Kind.OTHER;
        return new FileStat(kind, basic.size(), fallbackMode(path, kind == Kind.DIRECTORY));
    }

    private static Kind kindOf(int type) {
        switch (type) {
            case TYPE_REGULAR:
                return Kind.REGULAR;
            case TYPE_DIRECTORY:
                return Kind.DIRECTORY;
            case TYPE_SYMLINK:
                return Kind.SYMLINK;
            default:
                return Kind.OTHER;
        }
    }

    /** Without the unix view: POSIX permissions if known, else Go's Windows modes (0666, 0444 read-only, dirs +0111). */
    private static int fallbackMode(Path path, boolean directory) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            int mode = 0;
            for (PosixFilePermission permission : Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).permissions()) {
                mode |= 0400 >> permission.ordinal();
            }
            return mode;
        }
        boolean readOnly = path.getFileSystem().supportedFileAttributeViews().contains("dos")
                && Files.readAttributes(path, DosFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isReadOnly();
        int mode = readOnly ? 0444 : 0666;
        return directory ? mode | 0111 : mode;
    }
}
