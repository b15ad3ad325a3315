package io.modelkit.core.diff;

/**
 * A Kitfile field that differs, such as {@code package.version}; an absent value is null.
 * Authors are compared as a list and shown joined with {@code ", "}.
 */
public record FieldChange(String path, String oldValue, String newValue) {
}
