package io.modelkit.core.dashboard;

import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one stage holds of one ModelKit. An empty stage has a null digest and nulls for everything
 * read from the ModelKit or its record.
 *
 * @param repository {@code host/repo} of the stage
 * @param tag the tag that names what the stage holds (the stage tag)
 * @param version the Kitfile's package version
 * @param promotedAt when the record of the held digest says it was promoted; null without a record
 * @param promotedBy who promoted it, from the same record
 * @param buildUrl the build that promoted it, from the same record
 * @param changes the hyperparameter differences from the previous stage's ModelKit to this one; empty for
 *     the first stage or when either stage is empty
 */
public record StageEntry(String stage, String repository, String tag, Digest digest, String version,
                         Instant promotedAt, String promotedBy, String buildUrl, ProvenanceSummary provenance,
                         GateOutcome gate, List<ParameterChange> changes) {
    public StageEntry {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(gate, "gate");
        changes = List.copyOf(changes);
    }

    /** A stage that holds nothing yet. */
    public static StageEntry empty(String stage, String repository, String tag) {
        return new StageEntry(stage, repository, tag, null, null, null, null, null, ProvenanceSummary.NONE,
                GateOutcome.UNKNOWN, List.of());
    }

    public boolean isEmpty() {
        return digest == null;
    }
}
