package io.modelkit.core.store;

import io.modelkit.core.oci.Digest;
import java.util.List;

/** What a garbage collection of a layout removed. */
public record GcReport(List<Digest> deletedBlobs, long freedBytes, int deletedTempFiles) {

    public GcReport {
        deletedBlobs = List.copyOf(deletedBlobs);
    }
}
