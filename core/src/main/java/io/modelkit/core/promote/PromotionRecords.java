package io.modelkit.core.promote;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeSigner;
import io.modelkit.core.provenance.EnvelopeVerifier;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.AttestationManifests;
import io.modelkit.core.provenance.oci.SigstoreBundle;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Promotion records of one registry repository: written as referrers of the promoted manifest, read back. */
final class PromotionRecords {
    private static final int MAX_BYTES = 4 << 20;
    private static final Comparator<Stored> NEWEST_FIRST = Comparator.comparing((Stored s) -> s.record().promotedAt())
            .reversed();

    private final RegistryClient client;
    private final String repository;

    PromotionRecords(RegistryClient client, String repository) {
        this.client = client;
        this.repository = repository;
    }

    /** Stores the record: a signed bundle referrer with a key, else the bare statement as a referrer. */
    Descriptor write(PromotionRecord record, Descriptor subject, SigningKey key) {
        RegistryAttestationStore store = new RegistryAttestationStore(client, repository);
        Statement statement = record.statement();
        if (key == null) {
            return store.storeReferrer(subject, PromotionRecord.ARTIFACT_TYPE, statement.bytes(),
                    Map.of("predicateType", PromotionRecord.PREDICATE_TYPE), record.promotedAt());
        }
        Envelope envelope = new EnvelopeSigner(key.privateKey()).sign(statement);
        return store.storeBundle(subject, new SigstoreBundle(envelope.toJson(), key.fingerprint().hint()),
                PromotionRecord.PREDICATE_TYPE, record.promotedAt());
    }

    /**
     * Deletes a record this run wrote: first its entry in the fallback referrers index (tag
     * {@code sha256-<hex>} of the subject), so the index never lists a deleted manifest, then the record.
     */
    void remove(Descriptor record, Digest subject) {
        String fallbackTag = subject.algorithm() + "-" + subject.hex();
        Optional<Descriptor> index = client.headManifest(repository, fallbackTag);
        if (index.isPresent()) {
            String where = client.registry() + "/" + repository + ":" + fallbackTag;
            ImageIndex listed = ImageIndex.parse(client.getManifest(repository, fallbackTag).bytes(), where);
            List<Descriptor> kept = listed.manifests().stream().filter(d -> !d.digest().equals(record.digest())).toList();
            if (kept.size() != listed.manifests().size()) {
                client.putManifest(repository, fallbackTag, listed.withManifests(kept).toBytes(), MediaTypes.OCI_INDEX);
            }
        }
        client.deleteManifest(repository, record.digest().toString());
    }

    /** Whether a referrer descriptor is (or may be) a promotion record, so copies leave it behind. */
    static boolean isRecord(Descriptor referrer) {
        return PromotionRecord.ARTIFACT_TYPE.equals(referrer.artifactType())
                || referrer.annotation(AttestationManifests.ANNOTATION_BUNDLE_PREDICATE_TYPE)
                        .filter(PromotionRecord.PREDICATE_TYPE::equals)
                        .isPresent();
    }

    /**
     * A record as stored: the referrer manifest that holds it and the fingerprint of the trusted key
     * whose signature verified it, null when no trusted key did (or none was asked for).
     */
    record Stored(PromotionRecord record, Digest referrer, String signer) {
    }

    /** The records whose subject is {@code digest} in this repository, newest first. */
    List<PromotionRecord> of(Digest digest) {
        return of(digest, List.of()).stream().map(Stored::record).toList();
    }

    /** Every record of every tagged manifest of the repository, newest first. */
    List<PromotionRecord> all() {
        return all(List.of()).stream().map(Stored::record).toList();
    }

    /** Like {@link #of(Digest)}, each checked against {@code trusted} keys. */
    List<Stored> of(Digest digest, List<PublicKey> trusted) {
        List<Stored> records = new ArrayList<>();
        for (Descriptor referrer : client.referrers(repository, digest, null)) {
            read(referrer, trusted).filter(r -> r.record().digest().equals(digest)).ifPresent(records::add);
        }
        records.sort(NEWEST_FIRST);
        return records;
    }

    /** Like {@link #all()}, each checked against {@code trusted} keys. */
    List<Stored> all(List<PublicKey> trusted) {
        Set<Digest> digests = new LinkedHashSet<>();
        List<String> tags;
        try {
            tags = client.listTags(repository);
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                return List.of(); // no repository yet: nothing was ever promoted here
            }
            throw e;
        }
        for (String tag : tags) {
            if (!tag.startsWith("sha256-")) {
                client.headManifest(repository, tag).map(Descriptor::digest).ifPresent(digests::add);
            }
        }
        List<Stored> records = new ArrayList<>();
        digests.forEach(d -> records.addAll(of(d, trusted)));
        records.sort(NEWEST_FIRST);
        return records;
    }

    private Optional<Stored> read(Descriptor referrer, List<PublicKey> trusted) {
        String type = referrer.artifactType();
        boolean bundle = SigstoreBundle.isBundleMediaType(type == null ? "" : type);
        if (!PromotionRecord.ARTIFACT_TYPE.equals(type) && !bundle) {
            return Optional.empty();
        }
        // a bundle that announces another predicate (provenance, a gate summary) is not downloaded
        Optional<String> announced = referrer.annotation(AttestationManifests.ANNOTATION_BUNDLE_PREDICATE_TYPE);
        if (bundle && announced.isPresent() && !PromotionRecord.PREDICATE_TYPE.equals(announced.get())) {
            return Optional.empty();
        }
        String where = client.registry() + "/" + repository + "@" + referrer.digest();
        Manifest manifest = Manifest.parse(client.getManifest(repository, referrer.digest().toString()).bytes());
        if (manifest.layers().size() != 1) {
            return Optional.empty();
        }
        byte[] content = blob(manifest.layers().get(0), where);
        Statement statement;
        String signer = null;
        if (bundle) {
            Envelope envelope;
            try {
                envelope = Envelope.parse(SigstoreBundle.parse(content, where).envelopeJson());
                statement = Statement.parse(envelope.payload());
            } catch (ModelKitException e) {
                return Optional.empty(); // another kind of bundle: a provenance or gate attestation
            }
            if (!PromotionRecord.PREDICATE_TYPE.equals(statement.predicateType())) {
                return Optional.empty();
            }
            if (!trusted.isEmpty()) {
                try {
                    signer = new EnvelopeVerifier(trusted).verifyInToto(envelope).keyFingerprint().toString();
                } catch (ModelKitException e) {
                    signer = null; // signed, but by no trusted key
                }
            }
        } else {
            statement = Statement.parse(content);
        }
        return Optional.of(new Stored(PromotionRecord.of(statement, where), referrer.digest(), signer));
    }

    private byte[] blob(Descriptor layer, String where) {
        if (layer.size() > MAX_BYTES) {
            throw new ModelKitException(where + ": record layer of " + layer.size() + " bytes is larger than " + MAX_BYTES);
        }
        try (InputStream in = client.getBlob(repository, layer.digest(), 0)) {
            byte[] bytes = in.readNBytes((int) layer.size() + 1);
            if (bytes.length != layer.size() || !Digest.sha256(bytes).equals(layer.digest())) {
                throw new ModelKitException(where + ": record layer does not match its digest " + layer.digest());
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RegistryException e) {
            throw new ModelKitException(where + ": cannot read record: " + e.getMessage(), e);
        }
    }
}
