package io.modelkit.core.provenance.oci;

import io.modelkit.core.oci.Descriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a ModelKit's attestations live: its registry repository, the local store or an OCI layout.
 * Both cosign layouts are written and read: the bundle referrer and the legacy {@code .att} image.
 */
public interface AttestationStore {

    /** Stores a Sigstore bundle as a referrer of {@code subject}; returns the referrer's descriptor. */
    default Descriptor storeBundle(Descriptor subject, SigstoreBundle bundle, String predicateType, Instant created) {
        return storeReferrer(subject, SigstoreBundle.MEDIA_TYPE, bundle.toBytes(), Map.of(
                AttestationManifests.ANNOTATION_BUNDLE_CONTENT, "dsse-envelope",
                AttestationManifests.ANNOTATION_BUNDLE_PREDICATE_TYPE, predicateType), created);
    }

    /**
     * Stores {@code content} as the one layer of an artifact that refers to {@code subject}, such as
     * an AI bill of materials ({@code application/vnd.cyclonedx+json}); returns its descriptor.
     */
    Descriptor storeReferrer(Descriptor subject, String artifactType, byte[] content, Map<String, String> annotations,
            Instant created);

    /**
     * Adds an envelope to {@code subject}'s legacy {@code sha256-<hex>.att} image (read, append, write;
     * an envelope already there is not added twice). Returns the image's descriptor.
     */
    Descriptor storeLegacy(Descriptor subject, byte[] envelopeJson, String predicateType);

    /** Every attestation of {@code subject}: bundle referrers first, then the legacy image's layers. */
    List<StoredAttestation> find(Descriptor subject);
}
