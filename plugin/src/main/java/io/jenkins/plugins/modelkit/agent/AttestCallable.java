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
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@code modelkitAttest} on the agent: signs SLSA provenance for a ModelKit and stores it next to
 * it, as a Sigstore bundle referrer and (unless {@code legacy} is off) in cosign's {@code .att}
 * image. The private key and its password arrive as {@link Secret}s, are decoded only here and
 * wiped after use; neither is ever part of a message.
 */
public final class AttestCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final Secret signingKey;
    private final String keyName;
    private final Secret password;
    private final boolean legacy;
    private final ProvenanceFields provenance;

    /**
     * @param signingKey the private key file's bytes as ISO-8859-1 text (lossless for any bytes)
     * @param keyName how errors name the key, such as the credential's ID; never its content
     * @param password the key's password, or null for an unencrypted key
     */
    public AttestCallable(TaskListener listener, AgentSettings settings, String reference, Secret signingKey, String keyName,
            Secret password, boolean legacy, ProvenanceFields provenance) {
        super(listener, settings);
        this.reference = reference;
        this.signingKey = signingKey;
        this.keyName = keyName;
        this.password = password;
        this.legacy = legacy;
        this.provenance = provenance;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        Location location = Location.parse(reference);
        Endpoints endpoints = context.endpoints();
        Endpoint source = endpoints.reading(location, false);
        SigningKey key = readKey();
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

    private SigningKey readKey() {
        byte[] pem = signingKey.getPlainText().getBytes(StandardCharsets.ISO_8859_1);
        char[] secret = password == null ? null : password.getPlainText().toCharArray();
        try {
            return KeyFiles.readPrivate(pem, keyName, secret);
        } finally {
            Arrays.fill(pem, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** The statement's subject name: the repository without a tag, as cosign writes it; a layout's path. */
    private static String subjectName(Location location) {
        if (location instanceof Reference named) {
            return named.repositoryName();
        }
        return LayoutReference.PREFIX + ((LayoutReference) location).path();
    }

    /** Never the key or the password. */
    @Override
    public String toString() {
        return "AttestCallable[reference=" + reference + ", key=" + keyName + ", legacy=" + legacy + "]";
    }
}
