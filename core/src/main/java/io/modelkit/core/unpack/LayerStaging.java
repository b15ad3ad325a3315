package io.modelkit.core.unpack;

import io.modelkit.core.CommitSection;
import io.modelkit.core.InFlightWrites;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the files of one layer below a target directory so that either all of them appear or none.
 * Content goes to temporary files, created exclusively and never through a link, in the directory
 * where each file belongs; {@link #commit()} renames them into place, {@link #abort()} deletes them
 * together with every directory this layer created. Directories have to exist to hold the
 * temporaries, so they are created while staging; the modes of directory entries are applied at
 * commit, deepest first, so that a read-only directory does not lock out its own contents.
 *
 * <p>Every path is walked component by component without following links: a component that is a
 * symbolic link, or exists and is not a directory, stops the extraction. Links are never created,
 * so once a directory has been checked it stays safe for the rest of the layer (barring another
 * process changing the tree at the same time, which no extractor can prevent without
 * {@code openat}).
 */
final class LayerStaging {
    private static final String TEMP_PREFIX = ".modelkit-";
    private static final String TEMP_SUFFIX = ".part";
    private static final int TEMP_ATTEMPTS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final List<String> base;
    private final ExtractOptions options;
    private final ProgressListener listener;
    private final boolean posix;
    private final Set<Path> knownDirectories = new HashSet<>();
    private final Set<Path> createdDirectories = new LinkedHashSet<>();
    private final Map<Path, Integer> directoryModes = new HashMap<>();
    private final Map<Path, StagedFile> stagedFiles = new LinkedHashMap<>();
    private int skipped;
    private long bytes;
    private boolean closed;

    private record StagedFile(Path temp, Path target, boolean replace, String what) {
    }

    private LayerStaging(Path root, List<String> base, ExtractOptions options, ProgressListener listener) {
        this.root = root;
        this.base = base;
        this.options = options;
        this.listener = listener;
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        knownDirectories.add(root);
    }

    /** Creates {@code targetDir} if needed and stages below its real path. */
    static LayerStaging open(Path targetDir, ExtractOptions options, ProgressListener listener) {
        List<String> base = options.baseDir().isEmpty()
                ? List.of()
                : EntryPath.components(options.baseDir(), "base directory '" + options.baseDir() + "'");
        try {
            Files.createDirectories(targetDir);
            return new LayerStaging(targetDir.toRealPath(), base, options, listener);
        } catch (IOException e) {
            throw new ModelKitException("cannot create target directory " + targetDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure the directory named by {@code components} exists; a directory this layer creates
     * gets {@code mode} (permission bits) at commit.
     *
     * @param what the entry, for messages
     */
    void directory(String what, List<String> components, int mode) {
        Path directory = ensureDirectory(what, withBase(components));
        if (createdDirectories.contains(directory)) {
            directoryModes.put(directory, mode & 0777);
        }
    }

    /**
     * Writes {@code content} to a temporary file beside where {@code components} points.
     *
     * @param expectedSize the content length the entry announced, or -1 if none
     * @return false when the file already existed and ignore-existing skipped it
     */
    boolean file(String what, List<String> components, int mode, InputStream content, long expectedSize,
            byte[] buffer) {
        if (components.isEmpty()) {
            throw EntryPath.refuse(what, "it names no file");
        }
        List<String> path = withBase(components);
        Path parent = ensureDirectory(what, path.subList(0, path.size() - 1));
        Path target = parent.resolve(path.get(path.size() - 1));
        boolean replace = false;
        StagedFile previous = stagedFiles.get(target);
        BasicFileAttributes existing = previous == null ? attributes(target, what) : null;
        if (previous != null || existing != null) {
            if (options.ignoreExisting()) {
                skipped++;
                listener.info("Skipped existing " + target + " (" + what + ")");
                return false;
            }
            if (!options.overwrite()) {
                throw new ModelKitException("cannot extract " + what + ": " + target
                        + " already exists (turn on overwrite to replace it, or ignore-existing to keep it)");
            }
            if (previous != null) {
                stagedFiles.remove(target);
                deleteQuietly(previous.temp());
                replace = previous.replace();
            } else if (existing.isSymbolicLink()) {
                throw EntryPath.refuse(what, relative(target) + " is a symbolic link (links are never followed or replaced)");
            } else if (!existing.isRegularFile()) {
                throw new ModelKitException("cannot extract " + what + ": " + target
                        + " already exists and is not a regular file");
            } else {
                replace = true;
            }
        }
        write(what, target, replace, mode, content, expectedSize, buffer);
        return true;
    }

    /** Renames every staged file into place and applies directory modes. */
    ExtractResult commit() {
        if (closed) {
            throw new IllegalStateException("staging already closed");
        }
        closed = true;
        List<Path> createdFiles = new ArrayList<>();
        Set<StagedFile> moved = new HashSet<>();
        StagedFile current = null;
        // a process stopped now lets the renames of this layer finish, so the layer is in place or not
        try (CommitSection section = InFlightWrites.enterCommit(root)) {
            for (StagedFile file : stagedFiles.values()) {
                current = file;
                if (file.replace()) {
                    BasicFileAttributes now = attributes(file.target(), file.what());
                    if (now != null && !now.isRegularFile()) {
                        throw new IOException(file.target() + " is no longer a regular file");
                    }
                    // rename(2) replaces the old file in one step and never follows a link at the target
                    Files.move(file.temp(), file.target(), StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(file.temp(), file.target());
                    createdFiles.add(file.target());
                }
                moved.add(file);
                InFlightWrites.forget(file.temp());
            }
        } catch (IOException | RuntimeException e) {
            // files that replaced older ones cannot be put back; everything new is taken away again
            stagedFiles.values().stream().filter(file -> !moved.contains(file)).forEach(file -> deleteQuietly(file.temp()));
            createdFiles.forEach(LayerStaging::deleteQuietly);
            removeCreatedDirectories();
            throw new ModelKitException("cannot move " + current.what() + " into place at " + current.target() + ": "
                    + e.getMessage(), e);
        }
        applyDirectoryModes();
        return new ExtractResult(stagedFiles.size(), skipped, createdDirectories.size(), bytes);
    }

    /** Deletes every temporary file and every directory this layer created; safe to call twice. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        stagedFiles.values().forEach(file -> deleteQuietly(file.temp()));
        removeCreatedDirectories();
    }

    private void write(String what, Path target, boolean replace, int mode, InputStream content, long expectedSize,
            byte[] buffer) {
        Path parent = target.getParent();
        Path temp = null;
        OutputStream out = null;
        for (int attempt = 0; out == null; attempt++) {
            temp = parent.resolve(TEMP_PREFIX + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
            try {
                out = Channels.newOutputStream(Files.newByteChannel(temp, newFileOptions(), ownerOnly()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == TEMP_ATTEMPTS) {
                    throw new ModelKitException("cannot create a temporary file in " + parent + " for " + what, e);
                }
            } catch (IOException e) {
                throw new ModelKitException("cannot create a temporary file in " + parent + " for " + what + ": " + e, e);
            }
        }
        // registered before any byte is written, so that abort() (or Ctrl-C) removes a half-written file too
        InFlightWrites.track(temp);
        stagedFiles.put(target, new StagedFile(temp, target, replace, what));
        long written = 0;
        try (OutputStream output = out) {
            while (true) {
                int n = readContent(content, buffer, what);
                if (n < 0) {
                    break;
                }
                written += n;
                if (expectedSize >= 0 && written > expectedSize) {
                    break;
                }
                output.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ModelKitException("cannot write " + target + " (" + what + "): " + e, e);
        }
        if (expectedSize >= 0 && written != expectedSize) {
            throw new ArchiveFormatException(what + ": the content has " + (written > expectedSize ? "more than " : "")
                    + written + " bytes but " + expectedSize + " were announced");
        }
        setMode(temp, mode, what);
        bytes += written;
    }

    private static int readContent(InputStream content, byte[] buffer, String what) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new ArchiveFormatException("cannot read the content of " + what + ": " + e.getMessage(), e);
        }
    }

    private Path ensureDirectory(String what, List<String> components) {
        Path current = root;
        for (String component : components) {
            current = current.resolve(component);
            if (knownDirectories.contains(current)) {
                continue;
            }
            if (!current.startsWith(root)) {
                throw EntryPath.refuse(what, "its path leaves the target directory");
            }
            if (stagedFiles.containsKey(current)) {
                throw new ModelKitException("cannot extract " + what + ": " + relative(current)
                        + " is a file of this archive, not a directory");
            }
            BasicFileAttributes attributes = attributes(current, what);
            if (attributes == null) {
                createDirectory(current, what);
            } else if (attributes.isSymbolicLink()) {
                throw EntryPath.refuse(what, relative(current) + " is a symbolic link (links are never followed)");
            } else if (!attributes.isDirectory()) {
                throw new ModelKitException("cannot extract " + what + ": " + current
                        + " already exists and is not a directory");
            }
            knownDirectories.add(current);
        }
        return current;
    }

    private void createDirectory(Path directory, String what) {
        try {
            Files.createDirectory(directory);
            createdDirectories.add(directory);
        } catch (IOException e) {
            throw new ModelKitException("cannot create directory " + directory + " for " + what + ": " + e, e);
        }
    }

    private void applyDirectoryModes() {
        List<Path> deepestFirst = new ArrayList<>(directoryModes.keySet());
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path directory : deepestFirst) {
            setMode(directory, directoryModes.get(directory), "directory " + relative(directory));
        }
    }

    private void removeCreatedDirectories() {
        List<Path> newestFirst = new ArrayList<>(createdDirectories);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            // only empty directories go: anything another process put there stays
            deleteQuietly(newestFirst.get(i));
        }
    }

    private void setMode(Path path, int mode, String what) {
        if (!posix) {
            return;
        }
        try {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(permissions(mode & ~Umask.get()));
        } catch (IOException e) {
            throw new ModelKitException("cannot set mode " + Integer.toOctalString(mode) + " on " + path + " ("
                    + what + "): " + e, e);
        }
    }

    private static BasicFileAttributes attributes(Path path, String what) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ModelKitException("cannot inspect " + path + " for " + what + ": " + e, e);
        }
    }

    private static Set<OpenOption> newFileOptions() {
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)} : new FileAttribute<?>[0];
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private List<String> withBase(List<String> components) {
        if (base.isEmpty()) {
            return components;
        }
        List<String> path = new ArrayList<>(base);
        path.addAll(components);
        return path;
    }

    private String relative(Path path) {
        return "'" + root.relativize(path).toString().replace('\\', '/') + "'";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
            InFlightWrites.forget(path);
        } catch (IOException e) {
            // best effort: a directory that is not empty, or one already gone, stays as it is
        }
    }
}
