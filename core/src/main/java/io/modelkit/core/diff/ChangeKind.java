package io.modelkit.core.diff;

/** How a hyperparameter differs: added, removed, changed value, or changed JSON type (number to string, list to map). */
public enum ChangeKind {
    ADDED, REMOVED, CHANGED, TYPE_CHANGED
}
