package io.jenkins.plugins.modelkit;

/** How step and configuration fields are normalised: an empty form field means "not set". */
public final class Fields {
    private Fields() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
