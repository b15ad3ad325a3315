package io.modelkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test contexts: the repository's example project, and small trees written by the tests. */
final class Contexts {
    static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");

    private Contexts() {
    }

    /** A copy of the example project, so that tests may change it. */
    static Path copyOfExample(Path dir) {
        copyTree(EXAMPLE, dir);
        return dir;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code root}, relative path to bytes' sha256-free content comparison key. */
    static TreeMap<String, String> files(Path root) {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), io.modelkit.core.oci.Digest.sha256(Files.readAllBytes(file)).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every path (files, directories, temporaries) below {@code root}, to prove that nothing changed. */
    static List<String> everything(Path root) {
        List<String> all = new ArrayList<>();
        if (!Files.exists(root)) {
            return all;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    all.add(root.relativize(path) + (Files.isRegularFile(path) ? " " + Files.size(path) + " "
                            + Files.getLastModifiedTime(path).toMillis() : ""));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(null);
        return all;
    }
}
