package io.modelkit.core.kitfile;

/**
 * One layer-backed Kitfile entry: its section, its index within that section (0 for the model), its
 * name where the section has names (else null) and its path exactly as written in the Kitfile
 * (empty when the Kitfile gave none).
 */
public record LayerEntry(LayerKind kind, int index, String name, String path) {
}
