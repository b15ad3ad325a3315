package io.modelkit.core.kitfile;

import java.util.List;

/** Go's zero values: an empty string is the same as an absent one, a nil slice the same as an empty one. */
final class Texts {
    private Texts() {
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
