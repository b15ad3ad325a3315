package io.modelkit.core.dashboard;

import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a dashboard directory: {@code index.html}, {@code dashboard.css}, {@code dashboard.js},
 * {@code releases.json} and {@code badges/<modelkit>-<stage>.svg}, all linked relatively, nothing loaded from
 * the network, the data embedded in the page so that it works opened from disk as well as served.
 *
 * <p>Everything is written into a temporary directory beside the target, which then takes the target's
 * place: readers see the old dashboard or the new one, never a mix. A directory already at the target is
 * replaced only if it is a dashboard (holds {@code index.html} and {@code releases.json}) or is empty, so a
 * mistyped {@code --out} cannot wipe out anything else.
 */
public final class DashboardWriter {
    public static final String PAGE = "index.html";
    public static final String DATA = "releases.json";
    private static final List<String> ASSETS = List.of("dashboard.css", "dashboard.js");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DashboardWriter() {
    }

    /** Writes the dashboard of {@code model} to {@code dir}; returns the number of badges written. */
    public static int write(ReleaseModel model, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new ModelKitException("dashboard directory " + dir + ": cannot replace a file system root");
        }
        checkReplaceable(target, dir);
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            try {
                if (POSIX) {
                    // a temporary directory is created 0700; the dashboard is for everyone to read and serve
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                int badges = fill(model, temp);
                swap(temp, target);
                return badges;
            } finally {
                deleteTree(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dashboard " + dir, e);
        }
    }

    private static int fill(ReleaseModel model, Path temp) throws IOException {
        BadgeFiles badgeFiles = new BadgeFiles();
        String page = DashboardPage.render(model, badgeFiles);
        Path badgeDir = Files.createDirectory(temp.resolve(BadgeFiles.DIRECTORY));
        int badges = 0;
        for (ModelKitRow row : model.modelKits()) {
            for (StageEntry entry : row.stages()) {
                Files.writeString(badgeDir.resolve(BadgeFiles.fileName(row.name(), entry.stage())),
                        Badge.of(row.name(), entry).svg(), StandardCharsets.UTF_8);
                badges++;
            }
        }
        for (String asset : ASSETS) {
            Files.writeString(temp.resolve(asset), DashboardPage.resource(asset), StandardCharsets.UTF_8);
        }
        Files.write(temp.resolve(DATA), ReleaseJson.write(model));
        Files.writeString(temp.resolve(PAGE), page, StandardCharsets.UTF_8);
        return badges;
    }

    /**
     * The old directory moves aside, the new one takes its name, the old one is deleted. Between the two
     * renames the target is briefly absent (a directory cannot be renamed over a non-empty one), never
     * partly written.
     */
    private static void swap(Path temp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = temp.resolveSibling(temp.getFileName() + ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous dashboard back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void checkReplaceable(Path target, Path dir) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ModelKitException("dashboard directory " + dir + " exists and is not a directory");
        }
        boolean dashboard = Files.isRegularFile(target.resolve(PAGE)) && Files.isRegularFile(target.resolve(DATA));
        try (Stream<Path> entries = Files.list(target)) {
            if (!dashboard && entries.findAny().isPresent()) {
                throw new ModelKitException("dashboard directory " + dir + " holds other files and no dashboard;"
                        + " name an empty or new directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
