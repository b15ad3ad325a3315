package io.modelkit.core.diff;

import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.Descriptor;
import java.util.Objects;

/**
 * A layer-backed Kitfile entry (model, part, code, dataset, docs, prompt, MCP server) matched by kind and
 * path. {@code before} is the layer in A and {@code after} in B; the one missing is null for ADDED and REMOVED.
 * {@code name} is the entry's name where its section has names, else null.
 */
public record ContentChange(LayerKind kind, String path, String name, ContentStatus status,
                            Descriptor before, Descriptor after) {
    public ContentChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
    }
}
