package io.modelkit.core.diff;

/** What became of a Kitfile entry's layer. */
public enum ContentStatus {
    UNCHANGED, CHANGED, ADDED, REMOVED
}
