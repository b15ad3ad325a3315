package io.modelkit.core.pack;

import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import java.util.List;

/** What a pack stored: the manifest (and its descriptor), the Kitfile with layer digests, and its names. */
public record PackResult(Descriptor descriptor, Manifest manifest, Kitfile kitfile, List<Location> locations) {
    public PackResult {
        locations = List.copyOf(locations);
    }
}
