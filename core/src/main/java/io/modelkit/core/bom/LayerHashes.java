package io.modelkit.core.bom;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import org.cyclonedx.model.Hash;

/** An OCI digest as a CycloneDX hash: the same algorithm over the same bytes, so the hex is the digest's. */
final class LayerHashes {
    private LayerHashes() {
    }

    static Hash of(Digest digest, String where) {
        Hash.Algorithm algorithm = switch (digest.algorithm()) {
            case "sha256" -> Hash.Algorithm.SHA_256;
            case "sha512" -> Hash.Algorithm.SHA_512;
            default -> throw new ModelKitException(where + ": digest " + digest
                    + " uses an algorithm a CycloneDX hash cannot carry");
        };
        return new Hash(algorithm, digest.hex());
    }
}
