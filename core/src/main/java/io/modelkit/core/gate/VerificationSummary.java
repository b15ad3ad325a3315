package io.modelkit.core.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeSigner;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.Subject;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.SigstoreBundle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A gate's decision as an SLSA Verification Summary Attestation, signed and stored as a Sigstore bundle
 * referrer of the ModelKit, so that later stages trust the gate's key instead of re-running it.
 */
public final class VerificationSummary {
    /** The VSA predicate type. */
    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
    /** Who verified: this tool's gate. */
    public static final String VERIFIER_ID = "https://modelkit.io/gate/v1";

    private VerificationSummary() {
    }

    /**
     * The VSA statement: subject is the ModelKit's manifest; PASSED only when no enforced rule failed;
     * {@code inputAttestations} names every verified attestation the gate saw by the sha256 of its statement.
     *
     * @param subjectName the subject's name: the repository without tag
     * @param resourceUri the ModelKit as referenced, e.g. {@code oci://registry/ns/repo@sha256:…}
     * @param verifierVersion the version of this tool
     */
    public static Statement statement(GateReport report, String subjectName, String resourceUri, String verifierVersion,
            List<VerifiedAttestation> inputs) {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode();
        ObjectNode verifier = predicate.putObject("verifier");
        verifier.put("id", VERIFIER_ID);
        verifier.putObject("version").put("modelkit", verifierVersion);
        predicate.put("timeVerified", SlsaProvenance.timestamp(report.evaluated()));
        predicate.put("resourceUri", resourceUri);
        ObjectNode policy = predicate.putObject("policy");
        policy.put("uri", report.policySource());
        policy.putObject("digest").put("sha256", report.policyDigest().hex());
        ArrayNode attestations = predicate.putArray("inputAttestations");
        for (VerifiedAttestation input : inputs) {
            ObjectNode entry = attestations.addObject();
            entry.put("uri", input.origin());
            entry.putObject("digest").put("sha256", Digest.sha256(input.statement().bytes()).hex());
        }
        // a change that waits for a human approval has not passed yet: later stages must not skip the approval
        boolean passed = report.outcome() != Status.FAIL && !report.approvalRequired();
        predicate.put("verificationResult", passed ? "PASSED" : "FAILED");
        ArrayNode levels = predicate.putArray("verifiedLevels");
        if (passed) {
            levels.add("MODELKIT_GATE_" + report.outcome().name());
        }
        predicate.put("slsaVersion", "1.0");
        return Statement.of(List.of(Subject.of(subjectName, report.digest())), PREDICATE_TYPE, predicate);
    }

    /** The VSA's {@code resourceUri}: {@code oci://registry/repo@sha256:…}, or an OCI layout's {@code oci:path@sha256:…}. */
    public static String resourceUri(String subjectName, Digest digest) {
        return (subjectName.startsWith("oci:") ? subjectName : "oci://" + subjectName) + "@" + digest;
    }

    /** Signs the statement with {@code key} and stores it as a bundle referrer of {@code subject}; returns the referrer. */
    public static Descriptor signAndStore(Statement statement, SigningKey key, AttestationStore store, Descriptor subject,
            Instant created) {
        Envelope envelope = new EnvelopeSigner(key.privateKey()).sign(statement);
        SigstoreBundle bundle = new SigstoreBundle(envelope.toJson(), key.fingerprint().hint());
        return store.storeBundle(subject, bundle, PREDICATE_TYPE, created);
    }

    /** The statement's JSON text, for reports. */
    public static String json(Statement statement) {
        return new String(statement.bytes(), StandardCharsets.UTF_8);
    }
}
