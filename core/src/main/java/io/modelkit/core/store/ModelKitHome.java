package io.modelkit.core.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The ModelKit home directory, which holds the embedded store in {@code storage/}. Resolved from
 * the environment in this order: {@code $MODELKIT_HOME}, {@code $XDG_DATA_HOME/modelkit},
 * {@code $HOME/.local/share/modelkit}. Empty variables count as unset, and a relative
 * {@code XDG_DATA_HOME} is ignored, as the XDG specification says.
 */
public record ModelKitHome(Path path) {
    public static final String HOME_VARIABLE = "MODELKIT_HOME";
    public static final String STORAGE_DIR = "storage";

    public ModelKitHome {
        Objects.requireNonNull(path, "path");
    }

    /** Resolves the home from {@code env} (usually {@link System#getenv()}). */
    public static ModelKitHome resolve(Map<String, String> env) {
        String explicit = env.get(HOME_VARIABLE);
        if (explicit != null && !explicit.isEmpty()) {
            return new ModelKitHome(Path.of(explicit).toAbsolutePath());
        }
        String dataHome = env.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isEmpty() && Path.of(dataHome).isAbsolute()) {
            return new ModelKitHome(Path.of(dataHome, "modelkit"));
        }
        String userHome = env.get("HOME");
        if (userHome == null || userHome.isEmpty()) {
            userHome = System.getProperty("user.home");
        }
        return new ModelKitHome(Path.of(userHome, ".local", "share", "modelkit"));
    }

    /** The OCI image layout of the embedded store. */
    public Path storage() {
        return path.resolve(STORAGE_DIR);
    }
}
