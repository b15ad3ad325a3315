package io.jenkins.plugins.modelkit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The example project of this repository, copied into a test's workspace. */
public final class Projects {
    public static final Path EXAMPLE = Path.of("..", "..", "examples", "sentiment-classifier");

    private Projects() {
    }

    public static Path copyExample(Path target) {
        return copyTree(EXAMPLE, target);
    }

    /** Copies the directory {@code source} to {@code target}, files and folders. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
