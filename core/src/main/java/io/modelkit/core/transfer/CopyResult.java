package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;

/** What a copy did: the manifest now named at the target, and how many blobs and bytes moved. */
public record CopyResult(Descriptor manifest, int blobsCopied, int blobsMounted, int blobsSkipped, long bytesCopied) {
}
