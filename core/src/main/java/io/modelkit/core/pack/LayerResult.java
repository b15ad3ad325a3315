package io.modelkit.core.pack;

import io.modelkit.core.oci.Digest;

/**
 * What writing a layer produced.
 *
 * @param digest sha256 of the stored (possibly compressed) bytes: the blob and descriptor digest
 * @param diffId sha256 of the uncompressed tar or raw bytes; equal to {@code digest} without compression
 * @param size the number of stored bytes
 */
public record LayerResult(Digest digest, Digest diffId, long size) {
}
