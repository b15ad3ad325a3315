package io.modelkit.core.kitfile;

import java.util.List;

/** The {@code package} section. Every field is optional; kit always writes it to the config, as {@code {}} when empty. */
public record KitPackage(String name, String version, String description, String license, List<String> authors) {
    private static final KitPackage EMPTY = new KitPackage(null, null, null, null, List.of());

    public KitPackage {
        name = Texts.emptyToNull(name);
        version = Texts.emptyToNull(version);
        description = Texts.emptyToNull(description);
        license = Texts.emptyToNull(license);
        authors = Texts.listOf(authors);
    }

    /** A package section with nothing in it. */
    public static KitPackage empty() {
        return EMPTY;
    }

    /** True when no field is set, so that YAML output leaves the section out as kit does. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
