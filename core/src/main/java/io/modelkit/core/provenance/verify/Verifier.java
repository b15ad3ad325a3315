package io.modelkit.core.provenance.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeVerifier;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.VerifiedEnvelope;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.StoredAttestation;
import io.modelkit.core.transfer.ManifestBytes;
import io.modelkit.core.transfer.ModelKitSource;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a ModelKit is what its signed provenance says: every blob against the manifest, then
 * each attestation found next to it: a signature by a trusted key over the exact payload, a
 * statement whose subject is this manifest's digest (computed here, never taken from anyone), the
 * predicate type, and the expectations of the request. Nothing is trusted that was not verified:
 * the statement is read from the bytes the signature covers.
 */
public final class Verifier {
    private Verifier() {
    }

    public static VerificationReport verify(VerifyRequest request, ModelKitSource source, AttestationStore store,
            ProgressListener listener) {
        ManifestBytes manifestBytes = source.manifest();
        Digest digest = Digest.sha256(manifestBytes.bytes());
        Manifest manifest = manifestBytes.parse();
        Descriptor subject = new Descriptor(manifestBytes.mediaType(), digest, manifestBytes.bytes().length);
        List<Check> integrity = request.fullIntegrity()
                ? BlobIntegrity.check(manifest, source, request.concurrency(), listener)
                : List.of(Check.pass("integrity", "manifest " + digest + " only; blobs not read (--integrity=manifest-only)"));
        EnvelopeVerifier signatures = new EnvelopeVerifier(request.trustedKeys());
        List<AttestationResult> attestations = new ArrayList<>();
        for (StoredAttestation found : store.find(subject)) {
            attestations.add(new AttestationResult(found.origin(), checks(request, found, signatures, digest)));
        }
        return new VerificationReport(source.describe(), digest, integrity, attestations);
    }

    private static List<Check> checks(VerifyRequest request, StoredAttestation found, EnvelopeVerifier signatures,
            Digest manifest) {
        List<Check> checks = new ArrayList<>();
        Statement statement;
        try {
            VerifiedEnvelope verified = signatures.verifyInToto(Envelope.parse(found.envelopeJson()));
            checks.add(Check.pass("signature", "signed by " + verified.keyFingerprint()));
            statement = verified.statement();
        } catch (ModelKitException e) {
            checks.add(Check.fail("signature", e.getMessage()));
            return checks; // nothing in an unverified envelope can be believed
        }
        if (statement.hasSubject(manifest)) {
            checks.add(Check.pass("subject", manifest.toString()));
        } else {
            checks.add(Check.fail("subject", "the statement is about " + subjects(statement) + ", not " + manifest));
        }
        if (request.predicateType().equals(statement.predicateType())) {
            checks.add(Check.pass("predicate type", statement.predicateType()));
        } else {
            checks.add(Check.fail("predicate type", statement.predicateType() + ", expected " + request.predicateType()));
            return checks;
        }
        JsonNode predicate = statement.predicate();
        if (request.builderId() != null) {
            String builderId = predicate.path("runDetails").path("builder").path("id").asText("");
            checks.add(builderId.equals(request.builderId())
                    ? Check.pass("builder id", builderId)
                    : Check.fail("builder id", "'" + builderId + "', expected '" + request.builderId() + "'"));
        }
        JsonNode parameters = predicate.path("buildDefinition").path("externalParameters");
        expectMatch(checks, "source repository", parameters.path("repository").asText(null), request.sourceRepository());
        expectMatch(checks, "source ref", parameters.path("ref").asText(null), request.sourceRef());
        if (request.maxAge() != null) {
            checks.add(age(predicate.path("runDetails").path("metadata"), request.maxAge(), request.now()));
        }
        return checks;
    }

    private static void expectMatch(List<Check> checks, String name, String value, Pattern expected) {
        if (expected == null) {
            return;
        }
        if (value != null && expected.matcher(value).matches()) {
            checks.add(Check.pass(name, value));
        } else {
            checks.add(Check.fail(name, (value == null ? "not recorded" : "'" + value + "'")
                    + ", expected a match of '" + expected.pattern() + "'"));
        }
    }

    private static Check age(JsonNode metadata, Duration maxAge, Instant now) {
        String when = metadata.path("finishedOn").asText(metadata.path("startedOn").asText(""));
        if (when.isEmpty()) {
            return Check.fail("age", "the provenance records no finishedOn or startedOn time");
        }
        try {
            Instant built = Instant.parse(when);
            Duration age = Duration.between(built, now);
            if (age.isNegative()) {
                return Check.fail("age", "built " + when + ", in the future");
            }
            return age.compareTo(maxAge) <= 0
                    ? Check.pass("age", "built " + when)
                    : Check.fail("age", "built " + when + ", older than " + maxAge);
        } catch (DateTimeParseException e) {
            return Check.fail("age", "unreadable time '" + when + "'");
        }
    }

    private static String subjects(Statement statement) {
        List<String> digests = new ArrayList<>();
        statement.subjects().forEach(s -> digests.add(s.sha256().map(hex -> "sha256:" + hex).orElse(s.name())));
        return String.join(", ", digests);
    }
}
