package io.modelkit.core.dashboard;

import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.util.Objects;

/**
 * One promotion or rollback from the promotion records.
 *
 * @param kind {@code promotion} or {@code rollback}
 * @param source the reference promoted from, pinned to its digest
 * @param forced true when a version tag that held another digest was moved
 */
public record TimelineEvent(Instant at, String modelKit, String stage, String kind, Digest digest, String source,
                            String promotedBy, String buildUrl, GateOutcome gate, boolean forced) {
    public TimelineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(gate, "gate");
    }
}
