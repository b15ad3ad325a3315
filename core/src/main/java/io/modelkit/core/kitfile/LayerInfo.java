package io.modelkit.core.kitfile;

import io.modelkit.core.oci.Digest;

/**
 * The layer a Kitfile entry was packed into: {@code digest} of the stored (possibly compressed) blob and
 * {@code diffId} of its uncompressed bytes. Only the config JSON carries it; YAML never does.
 * Either may be null when a config left it out.
 */
public record LayerInfo(Digest digest, Digest diffId) {

    /** Null when neither digest is known, as kit leaves the embedded pointer nil. */
    static LayerInfo orNull(LayerInfo info) {
        return info == null || info.digest() == null && info.diffId() == null ? null : info;
    }
}
