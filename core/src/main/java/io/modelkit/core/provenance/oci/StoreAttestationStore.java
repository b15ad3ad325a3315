package io.modelkit.core.provenance.oci;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.OciLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attestations in the local store or an OCI layout, laid out as in a registry without the referrers
 * API: bundle referrers listed by an index tagged {@code sha256-<hex>}, and the legacy
 * {@code sha256-<hex>.att} image, both next to the ModelKit's own name. A copy of the layout to a
 * registry (skopeo, oras, {@code modelkit push} of those tags) keeps them findable.
 */
public final class StoreAttestationStore implements AttestationStore {
    private final ModelKitStore store;
    private final Location location;

    /** @param location the ModelKit's name in the store, whose repository (or layout) holds its attestations */
    public StoreAttestationStore(ModelKitStore store, Location location) {
        this.store = store;
        this.location = location;
    }

    @Override
    public Descriptor storeReferrer(Descriptor subject, String artifactType, byte[] content, Map<String, String> annotations,
            Instant created) {
        OciLayout layout = store.layout();
        layout.putBlob(content);
        layout.putBlob(AttestationManifests.EMPTY_CONFIG);
        Manifest referrer = AttestationManifests.referrer(subject, artifactType,
                new Descriptor(artifactType, Digest.sha256(content), content.length), annotations, created);
        layout.putBlob(referrer.bytes());
        Descriptor entry = new Descriptor(MediaTypes.OCI_MANIFEST, referrer.digest(), referrer.size(), List.of(),
                referrer.annotations(), artifactType);
        List<Descriptor> entries = new ArrayList<>(referrersIndex(subject.digest()).map(ImageIndex::manifests).orElse(List.of()));
        entries.removeIf(existing -> existing.digest().equals(entry.digest()));
        entries.add(entry);
        store.save(ImageIndex.of(entries).toBytes(), MediaTypes.OCI_INDEX, List.of(sibling(fallbackTag(subject.digest()))));
        return referrer.descriptor();
    }

    @Override
    public Descriptor storeLegacy(Descriptor subject, byte[] envelopeJson, String predicateType) {
        OciLayout layout = store.layout();
        List<Descriptor> layers = new ArrayList<>(legacyImage(subject.digest()).map(Manifest::layers).orElse(List.of()));
        Digest envelope = Digest.sha256(envelopeJson);
        if (layers.stream().noneMatch(layer -> layer.digest().equals(envelope))) {
            layout.putBlob(envelopeJson);
            layers.add(AttestationManifests.legacyLayer(envelope, envelopeJson.length, predicateType));
        }
        byte[] config = AttestationManifests.legacyConfig(layers);
        layout.putBlob(config);
        Manifest image = AttestationManifests.legacyImage(layers, config);
        return store.save(image, List.of(sibling(AttestationManifests.legacyTag(subject.digest()))));
    }

    @Override
    public List<StoredAttestation> find(Descriptor subject) {
        OciLayout layout = store.layout();
        List<StoredAttestation> found = new ArrayList<>();
        String where = location.toString();
        referrersIndex(subject.digest()).ifPresent(index -> {
            for (Descriptor entry : index.manifests()) {
                Manifest referrer = Manifest.parse(BlobBytes.read(layout.openBlob(entry.digest()), entry, where));
                boolean ofSubject = referrer.subject().map(s -> s.digest().equals(subject.digest())).orElse(false);
                if (ofSubject && referrer.layers().size() == 1
                        && SigstoreBundle.isBundleMediaType(referrer.layers().get(0).mediaType())) {
                    Descriptor layer = referrer.layers().get(0);
                    SigstoreBundle bundle = SigstoreBundle.parse(BlobBytes.read(layout.openBlob(layer.digest()), layer, where),
                            where + " referrer " + entry.digest());
                    found.add(new StoredAttestation("bundle referrer " + entry.digest(), bundle.envelopeJson(), bundle.keyHint()));
                }
            }
        });
        legacyImage(subject.digest()).ifPresent(image -> {
            int index = 0;
            for (Descriptor layer : image.layers()) {
                index++;
                if (AttestationManifests.DSSE_ENVELOPE.equals(layer.mediaType())) {
                    found.add(new StoredAttestation(AttestationManifests.legacyTag(subject.digest()) + " layer " + index,
                            BlobBytes.read(layout.openBlob(layer.digest()), layer, where), null));
                }
            }
        });
        return found;
    }

    private Optional<ImageIndex> referrersIndex(Digest subject) {
        return store.resolve(sibling(fallbackTag(subject))).map(descriptor ->
                ImageIndex.parse(BlobBytes.read(store.layout().openBlob(descriptor.digest()), descriptor, location.toString()),
                        location + ":" + fallbackTag(subject)));
    }

    private Optional<Manifest> legacyImage(Digest subject) {
        return store.resolve(sibling(AttestationManifests.legacyTag(subject))).map(descriptor ->
                Manifest.parse(BlobBytes.read(store.layout().openBlob(descriptor.digest()), descriptor, location.toString())));
    }

    private static String fallbackTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex();
    }

    private Location sibling(String tag) {
        if (location instanceof Reference reference) {
            return Reference.of(reference.registry(), reference.repository(), tag);
        }
        return LayoutReference.of(((LayoutReference) location).path(), tag);
    }
}
