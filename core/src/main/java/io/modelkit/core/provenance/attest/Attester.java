package io.modelkit.core.provenance.attest;

import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeSigner;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.SigstoreBundle;
import io.modelkit.core.transfer.ModelKitSource;

/**
 * Signs SLSA provenance for a ModelKit and stores it next to it. The statement's subject is the
 * manifest digest (the Kitfile and every layer are covered through it); dataset layers, the git
 * commit and the Kitfile config are recorded by digest; the hyperparameters go in as a byproduct
 * whose digest is over their canonical JSON. The envelope is stored as a Sigstore bundle referrer
 * and, unless asked not to, in cosign's legacy {@code .att} image.
 */
public final class Attester {
    private Attester() {
    }

    public static AttestResult attest(AttestRequest request, ModelKitSource source, AttestationStore store) {
        ModelKitContents contents = ModelKitReader.read(source);
        Descriptor subject = contents.descriptor();
        Statement statement = provenance(request, contents).statement(request.subjectName(), subject.digest());
        // keyid stays empty, as cosign writes it; the bundle carries the key hint
        Envelope envelope = new EnvelopeSigner(request.key().privateKey()).sign(statement);
        byte[] envelopeJson = envelope.toJson();
        Descriptor referrer = store.storeBundle(subject,
                new SigstoreBundle(envelopeJson, request.key().fingerprint().hint()), SlsaProvenance.PREDICATE_TYPE,
                request.created());
        Descriptor legacy = request.legacy()
                ? store.storeLegacy(subject, envelopeJson, SlsaProvenance.PREDICATE_TYPE) : null;
        return new AttestResult(subject.digest(), referrer, legacy, request.key().fingerprint(), statement.bytes());
    }

    private static SlsaProvenance provenance(AttestRequest request, ModelKitContents contents) {
        SlsaProvenance.Builder provenance = SlsaProvenance.builder()
                .repository(request.sourceRepository())
                .ref(request.sourceRef())
                .kitfile(request.kitfile())
                .target(request.target())
                .gitCommit(request.gitCommit())
                .builderId(request.builderId())
                .invocationId(request.invocationId())
                .startedOn(request.startedOn())
                .finishedOn(request.finishedOn())
                .kitfileConfig(contents.manifest().config().digest());
        request.builderVersions().forEach(provenance::builderVersion);
        request.internalParameters().forEach(provenance::internalParameter);
        for (BoundLayer layer : contents.layers()) {
            if (layer.entry() != null && layer.entry().kind() == LayerKind.DATASET) {
                String name = layer.entry().name() == null || layer.entry().name().isEmpty()
                        ? layer.entry().path() : layer.entry().name();
                provenance.dataset(name, layer.entry().path(), layer.descriptor().digest(), layer.descriptor().mediaType());
            }
        }
        Model model = contents.kitfile().model();
        if (model != null && model.parameters() != null && model.parameters().isObject()) {
            provenance.hyperparameters(model.parameters());
        }
        return provenance.build();
    }
}
