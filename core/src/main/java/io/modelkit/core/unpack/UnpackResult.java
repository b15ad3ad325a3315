package io.modelkit.core.unpack;

import io.modelkit.core.oci.Digest;
import java.nio.file.Path;

/** What an unpack wrote: how many layers, files and bytes, and whether the Kitfile was written. */
public record UnpackResult(Digest manifest, Path targetDir, int layers, int files, int skipped, long bytes,
        boolean kitfileWritten) {
}
