package io.modelkit.core.promote;

import io.modelkit.core.oci.Digest;

/** What a stage holds: the digest at its stage tag (null: nothing yet) and the Kitfile's package version. */
public record StageStatus(Stage stage, Digest digest, String version) {
}
