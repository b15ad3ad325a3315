package io.modelkit.core.container;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import java.util.List;

/**
 * What a build produced.
 *
 * @param imageReference where the image is: the target as given (a tag in a registry or layout, or {@code tar:FILE})
 * @param image          the image manifest (digest, size, media type)
 * @param configDigest   the image config's digest (Docker's image id)
 * @param layers         the manifest's layers, base layers first, then one per ModelKit layer added
 * @param addedLayers    the ModelKit layers added, in image order
 * @param modelKit       the ModelKit's manifest digest
 * @param baseDigest     the digest of the base image as resolved when the build started
 * @param attestation    the provenance referrer stored next to the image, or null when none was asked for
 */
public record ContainerizeResult(String imageReference, Descriptor image, Digest configDigest, List<Descriptor> layers,
                                 List<AddedLayer> addedLayers, Digest modelKit, Digest baseDigest, Descriptor attestation) {
    public ContainerizeResult {
        layers = List.copyOf(layers);
        addedLayers = List.copyOf(addedLayers);
    }

    ContainerizeResult withAttestation(Descriptor referrer) {
        return new ContainerizeResult(imageReference, image, configDigest, layers, addedLayers, modelKit, baseDigest, referrer);
    }

    public Digest imageDigest() {
        return image.digest();
    }

    /**
     * One ModelKit layer as it went into the image.
     *
     * @param kind       its content kind
     * @param path       its path in the Kitfile, which is where it lands under the model directory
     * @param source     the ModelKit layer's digest
     * @param imageLayer the image layer built from it
     */
    public record AddedLayer(ContentKind kind, String path, Digest source, Descriptor imageLayer) {
    }
}
