package io.modelkit.core.unpack;

import io.modelkit.core.ModelKitException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an archive name into the path components it names below the target directory, refusing
 * every name that could leave it. Empty and {@code .} components are dropped as Go's
 * {@code filepath.Join} does; {@code ..} is refused outright even where it would stay inside,
 * because no writer of ModelKits produces it.
 */
final class EntryPath {
    /** Windows reads these as separators or drive letters, so they must not reach its file system. */
    private static final boolean WINDOWS_NAMES = File.separatorChar == '\\';

    private EntryPath() {
    }

    /**
     * The components of {@code name}, possibly none (for {@code .} or {@code ./}).
     *
     * @param what how to name the entry in messages, such as {@code tar entry 'a/b'}
     */
    static List<String> components(String name, String what) {
        if (name.isEmpty()) {
            throw refuse(what, "the name is empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw refuse(what, "the name contains a NUL character");
        }
        if (name.startsWith("/") || WINDOWS_NAMES && (name.startsWith("\\") || hasDriveLetter(name))) {
            throw refuse(what, "absolute paths are not allowed");
        }
        List<String> components = new ArrayList<>();
        for (String component : name.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw refuse(what, "'..' path components are not allowed");
            }
            if (WINDOWS_NAMES && (component.indexOf('\\') >= 0 || component.indexOf(':') >= 0)) {
                throw refuse(what, "'\\' and ':' are not allowed in names on this system");
            }
            components.add(component);
        }
        return components;
    }

    static ModelKitException refuse(String what, String reason) {
        return new ModelKitException("refusing " + what + ": " + reason);
    }

    private static boolean hasDriveLetter(String name) {
        return name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0));
    }
}
