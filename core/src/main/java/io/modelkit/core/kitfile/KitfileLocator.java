package io.modelkit.core.kitfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the Kitfile of a context directory as kit does: {@code Kitfile}, {@code kitfile}, {@code .kitfile}, in that order. */
public final class KitfileLocator {
    /** The names kit tries, in its order; pack also leaves these files out of every layer. */
    public static final List<String> DEFAULT_NAMES = List.of("Kitfile", "kitfile", ".kitfile");

    private KitfileLocator() {
    }

    /** The first of {@link #DEFAULT_NAMES} that exists in {@code contextDir}. */
    public static Path find(Path contextDir) {
        if (!Files.isDirectory(contextDir)) {
            throw KitfileException.of(contextDir.toString(), null, "is not a directory, so it has no Kitfile");
        }
        for (String name : DEFAULT_NAMES) {
            Path candidate = contextDir.resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw KitfileException.of(contextDir.toString(), null,
                "no Kitfile found (tried " + String.join(", ", DEFAULT_NAMES) + ")");
    }

    /** True for the names kit treats as a Kitfile (and so never packs). */
    public static boolean isDefaultName(String fileName) {
        return DEFAULT_NAMES.contains(fileName);
    }
}
