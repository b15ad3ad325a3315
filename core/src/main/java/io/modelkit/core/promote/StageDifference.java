package io.modelkit.core.promote;

import io.modelkit.core.oci.Digest;

/**
 * What promoting the {@code from} stage's version into a stage would change there: nothing when both
 * hold the same digest, else the Kitfile version it brings ({@code fromVersion}, null when its Kitfile
 * names none) and the number of hyperparameters and content entries that differ, as
 * {@link io.modelkit.core.diff.ModelKitDiff} counts them with the stage's own version as baseline.
 */
public record StageDifference(String from, Digest fromDigest, String fromVersion, boolean sameDigest,
                              int hyperparametersChanged, int contentChanged) {
}
