package io.modelkit.core.dashboard;

import io.modelkit.core.ModelKitException;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the badge file of each ModelKit and stage, {@code badges/<modelkit>-<stage>.svg}, with every
 * character outside {@code [A-Za-z0-9._-]} replaced by {@code _} so a name cannot leave the directory.
 * Two pairs whose names map to the same file are an error rather than one badge overwriting the other.
 */
public final class BadgeFiles {
    public static final String DIRECTORY = "badges";

    private final Map<String, String> owners = new HashMap<>();

    public static String fileName(String modelKit, String stage) {
        return safe(modelKit) + "-" + safe(stage) + ".svg";
    }

    /** The badge's path relative to the dashboard directory, with {@code /} as separator. */
    public String path(ModelKitRow row, StageEntry entry) {
        String file = fileName(row.name(), entry.stage());
        String owner = row.name() + "\0" + entry.stage();
        String previous = owners.putIfAbsent(file, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new ModelKitException("badge " + DIRECTORY + "/" + file + " would be written for ModelKit '" + row.name()
                    + "' stage '" + entry.stage() + "' and for ModelKit '" + previous.substring(0, previous.indexOf('\0'))
                    + "' stage '" + previous.substring(previous.indexOf('\0') + 1) + "'; name the release lines apart");
        }
        return DIRECTORY + "/" + file;
    }

    private static String safe(String name) {
        String replaced = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return replaced.startsWith(".") ? "_" + replaced.substring(1) : replaced;
    }
}
