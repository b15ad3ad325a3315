package io.modelkit.core.registry;

import io.modelkit.core.oci.Digest;

/**
 * The result of a manifest PUT: the digest of the bytes sent, and whether the registry answered
 * with {@code OCI-Subject}, i.e. indexes referrers itself so that no fallback tag is needed.
 */
public record ManifestPush(Digest digest, boolean subjectIndexed) {
}
