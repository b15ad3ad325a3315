package io.modelkit.core.inspect;

import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.oci.Descriptor;

/**
 * A manifest layer and the Kitfile entry it holds. {@code legacy} marks layers written before kit
 * 0.5, whose tar names are relative to the layer path rather than to the context directory.
 */
public record BoundLayer(Descriptor descriptor, LayerEntry entry, boolean legacy) {
}
