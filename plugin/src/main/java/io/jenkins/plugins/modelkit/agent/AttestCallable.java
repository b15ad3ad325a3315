package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import hudson.util.Secret;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.attest.AttestRequest;
import io.modelkit.core.provenance.attest.AttestResult;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.time.Instant;

/**
 * {@code modelkitAttest} on the agent: signs SLSA provenance for a ModelKit and stores it next to
 * it, as a Sigstore bundle referrer and (unless {@code legacy} is off) in cosign's {@code .att}
 * image. The private key and its password arrive as {@link Secret}s, are decoded only here and
 * wiped after use; neither is ever part of a message.
 */
public final class AttestCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final SecretSigningKey signingKey;
    private final boolean legacy;
    private final ProvenanceFields provenance;

    public AttestCallable(TaskListener listener, AgentSettings settings, String reference, SecretSigningKey signingKey,
            boolean legacy, ProvenanceFields provenance) {
        super(listener, settings);
        this.reference = reference;
        this.signingKey = signingKey;
        this.legacy = legacy;
        this.provenance = provenance;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        Location location = Location.parse(reference);
        Endpoints endpoints = context.endpoints();
        Endpoint source = endpoints.reading(location, false);
        SigningKey key = signingKey.read();
        AttestRequest.Builder request = AttestRequest.builder(key, subjectName(location), provenance.builderId())
                .target(reference)
                .sourceRepository(provenance.sourceRepository())
                .sourceRef(provenance.sourceRef())
                .gitCommit(provenance.gitCommit())
                .kitfile(provenance.kitfile())
                .invocationId(provenance.invocationId())
                .startedOn(Instant.ofEpochMilli(provenance.startedOn()))
                .finishedOn(Instant.now())
                .builderVersion("modelkit", ModelKitVersion.get())
                .legacy(legacy);
        provenance.internalParameters().forEach(request::internalParameter);
        AttestResult result = Attester.attest(request.build(), source, AttestationStores.of(location, source, endpoints));
        context.progress().info("Signed the provenance of " + reference + " (" + result.subject() + ") with key "
                + result.key() + ": referrer " + result.referrer().digest()
                + (result.legacyImage() == null ? "" : ", legacy image " + result.legacyImage().digest()));
        ModelKitContents contents = ModelKitReader.read(Endpoints.pinned(source, result.subject()));
        return ModelKitSummary.of(reference, contents.manifest(), contents.kitfile())
                .with("referrer", result.referrer().digest().toString())
                .with("legacyImage", result.legacyImage() == null ? null : result.legacyImage().digest().toString())
                .with("keyFingerprint", result.key().toString());
    }

    /** The statement's subject name: the repository without a tag, as cosign writes it; a layout's path. */
    static String subjectName(Location location) {
        if (location instanceof Reference named) {
            return named.repositoryName();
        }
        return LayoutReference.PREFIX + ((LayoutReference) location).path();
    }

    /** Never the key or the password. */
    @Override
    public String toString() {
        return "AttestCallable[reference=" + reference + ", key=" + signingKey.name() + ", legacy=" + legacy + "]";
    }
}
