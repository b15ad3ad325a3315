package io.modelkit.core.inspect;

import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import java.util.List;

/**
 * A stored ModelKit as a reader sees it: the manifest (exact bytes), its Kitfile with layer
 * digests, and each layer bound to the Kitfile entry it holds.
 */
public record ModelKitContents(String name, Manifest manifest, Kitfile kitfile, List<BoundLayer> layers) {
    public ModelKitContents {
        layers = List.copyOf(layers);
    }

    public Descriptor descriptor() {
        return manifest.descriptor();
    }
}
