package io.modelkit.core.promote;

import io.modelkit.core.oci.Digest;

/**
 * What a stage holds: the digest at its stage tag (null: nothing yet), the Kitfile's package version,
 * and how it differs from the stage it is promoted from (null for the first stage or when either holds
 * nothing).
 */
public record StageStatus(Stage stage, Digest digest, String version, StageDifference fromStage) {
}
