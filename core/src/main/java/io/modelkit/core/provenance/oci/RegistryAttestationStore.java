package io.modelkit.core.provenance.oci;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RegistryException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attestations in a registry repository, where the ModelKit is. */
public final class RegistryAttestationStore implements AttestationStore {
    private final RegistryClient client;
    private final String repository;

    public RegistryAttestationStore(RegistryClient client, String repository) {
        this.client = client;
        this.repository = repository;
    }

    @Override
    public Descriptor storeReferrer(Descriptor subject, String artifactType, byte[] content, Map<String, String> annotations,
            Instant created) {
        Descriptor blob = push(content, artifactType);
        push(AttestationManifests.EMPTY_CONFIG, MediaTypes.OCI_EMPTY);
        Manifest referrer = AttestationManifests.referrer(subject, artifactType, blob, annotations, created);
        client.pushReferrer(repository, referrer.bytes(), MediaTypes.OCI_MANIFEST);
        return referrer.descriptor();
    }

    @Override
    public Descriptor storeLegacy(Descriptor subject, byte[] envelopeJson, String predicateType) {
        String tag = AttestationManifests.legacyTag(subject.digest());
        List<Descriptor> layers = new ArrayList<>(legacyImage(subject.digest()).map(Manifest::layers).orElse(List.of()));
        Digest envelope = Digest.sha256(envelopeJson);
        if (layers.stream().noneMatch(layer -> layer.digest().equals(envelope))) {
            push(envelopeJson, AttestationManifests.DSSE_ENVELOPE);
            layers.add(AttestationManifests.legacyLayer(envelope, envelopeJson.length, predicateType));
        }
        byte[] config = AttestationManifests.legacyConfig(layers);
        push(config, "application/vnd.oci.image.config.v1+json");
        Manifest image = AttestationManifests.legacyImage(layers, config);
        client.putManifest(repository, tag, image.bytes(), MediaTypes.OCI_MANIFEST);
        return image.descriptor();
    }

    @Override
    public List<StoredAttestation> find(Descriptor subject) {
        List<StoredAttestation> found = new ArrayList<>();
        for (Descriptor referrer : client.referrers(repository, subject.digest(), null)) {
            String where = client.registry() + "/" + repository + "@" + referrer.digest();
            try {
                Manifest manifest = Manifest.parse(client.getManifest(repository, referrer.digest().toString()).bytes());
                boolean ofSubject = manifest.subject().map(s -> s.digest().equals(subject.digest())).orElse(false);
                if (ofSubject && manifest.layers().size() == 1
                        && SigstoreBundle.isBundleMediaType(manifest.layers().get(0).mediaType())) {
                    Descriptor layer = manifest.layers().get(0);
                    SigstoreBundle bundle = SigstoreBundle.parse(
                            BlobBytes.read(client.getBlob(repository, layer.digest(), 0), layer, where), where);
                    found.add(new StoredAttestation("bundle referrer " + referrer.digest(), bundle.envelopeJson(),
                            bundle.keyHint()));
                }
            } catch (RegistryException e) {
                throw e; // the registry failing is not a referrer to skip
            } catch (io.modelkit.core.ModelKitException e) {
                // as cosign does: a referrer that is not a readable bundle is not an attestation; others still count
            }
        }
        legacyImage(subject.digest()).ifPresent(image -> {
            String where = client.registry() + "/" + repository + ":" + AttestationManifests.legacyTag(subject.digest());
            int index = 0;
            for (Descriptor layer : image.layers()) {
                index++;
                if (AttestationManifests.DSSE_ENVELOPE.equals(layer.mediaType())) {
                    found.add(new StoredAttestation(AttestationManifests.legacyTag(subject.digest()) + " layer " + index,
                            BlobBytes.read(client.getBlob(repository, layer.digest(), 0), layer, where), null));
                }
            }
        });
        return found;
    }

    private Optional<Manifest> legacyImage(Digest subject) {
        try {
            return Optional.of(Manifest.parse(
                    client.getManifest(repository, AttestationManifests.legacyTag(subject)).bytes()));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Descriptor push(byte[] bytes, String mediaType) {
        Digest digest = Digest.sha256(bytes);
        if (client.headBlob(repository, digest).isEmpty()) {
            client.pushBlob(repository, digest, bytes.length, offset -> new ByteArrayInputStream(bytes, (int) offset,
                    bytes.length - (int) offset));
        }
        return new Descriptor(mediaType, digest, bytes.length);
    }
}
