package io.modelkit.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.provenance.SlsaProvenance;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signed provenance: only attestations whose signature verified and whose subject is this manifest's digest
 * count. From those: enough distinct trusted keys, every required predicate type, and at least one SLSA
 * provenance that meets every expectation (builder id, buildType, source, age, parameters, dependencies).
 */
final class ProvenanceCheck {
    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private ProvenanceCheck() {
    }

    static Findings check(Rule.Provenance rule, GateInput input) {
        Findings findings = new Findings();
        List<VerifiedAttestation> about = input.attestations().stream()
                .filter(a -> a.statement().hasSubject(input.digest()))
                .filter(a -> rule.keys().isEmpty() || rule.keys().contains(a.keyFingerprint()))
                .toList();
        if (about.isEmpty()) {
            findings.compared("attestations", "signed by a trusted key" + (rule.keys().isEmpty() ? "" : " in " + rule.keys()),
                    input.attestations().size() + " verified, none by a listed key about " + input.digest());
            if (rule.required()) {
                findings.violation("no attestation of " + input.digest() + " signed by a trusted key");
            } else {
                findings.note("no attestation; not required");
            }
            return findings;
        }
        // a signer counts for the statements the rule asks for, not for a gate's summary or a bare signature
        Set<String> signers = new LinkedHashSet<>();
        about.stream().filter(a -> rule.predicateTypes().contains(a.statement().predicateType()))
                .forEach(a -> signers.add(a.keyFingerprint()));
        int needed = rule.minSignatures();
        findings.compared("signatures", needed + (rule.keys().isEmpty() ? "" : " of " + rule.keys().size()) + " keys",
                signers.size() + " " + signers);
        if (signers.size() < needed) {
            findings.violation("signed by " + signers.size() + " trusted key(s), " + needed + " required");
        }
        Set<String> types = new LinkedHashSet<>();
        about.forEach(a -> types.add(a.statement().predicateType()));
        for (String type : rule.predicateTypes()) {
            findings.compared("predicateType " + type, "present", types.contains(type) ? "present" : "absent, found " + types);
            if (!types.contains(type)) {
                findings.violation("no signed statement of predicate type " + type);
            }
        }
        List<VerifiedAttestation> slsa = about.stream()
                .filter(a -> SlsaProvenance.PREDICATE_TYPE.equals(a.statement().predicateType())).toList();
        if (expectsSlsa(rule)) {
            slsa(rule, input.now(), slsa, findings);
        }
        if (!findings.violated()) {
            findings.note("signed by " + signers + "; every expectation met");
        }
        return findings;
    }

    private static boolean expectsSlsa(Rule.Provenance rule) {
        return !rule.builderIds().isEmpty() || rule.buildType() != null || rule.sourceRepository() != null
                || rule.sourceRef() != null || rule.maxAge() != null || rule.externalParameters() != null
                || rule.requireGitCommit() || rule.datasetDigests() != null;
    }

    /** Passes when one SLSA provenance meets every expectation; otherwise reports the first one's shortfalls. */
    private static void slsa(Rule.Provenance rule, Instant now, List<VerifiedAttestation> slsa, Findings findings) {
        if (slsa.isEmpty()) {
            findings.violation("no signed SLSA provenance to check the expectations against");
            return;
        }
        List<Findings> each = new ArrayList<>();
        for (VerifiedAttestation attestation : slsa) {
            Findings one = new Findings();
            expectations(rule, now, attestation.statement().predicate(), one);
            if (!one.violated()) {
                findings.addAll(one);
                return;
            }
            each.add(one);
        }
        findings.addAll(each.get(0));
        if (slsa.size() > 1) {
            findings.violation("none of " + slsa.size() + " SLSA provenance statements meets every expectation");
        }
    }

    private static void expectations(Rule.Provenance rule, Instant now, JsonNode predicate, Findings findings) {
        JsonNode definition = predicate.path("buildDefinition");
        JsonNode run = predicate.path("runDetails");
        if (!rule.builderIds().isEmpty()) {
            String id = run.path("builder").path("id").asText("");
            findings.compared("builder.id", "one of " + rule.builderIds(), id);
            if (!rule.builderIds().contains(id)) {
                findings.violation("builder id '" + id + "' is not allowed");
            }
        }
        if (rule.buildType() != null) {
            String type = definition.path("buildType").asText("");
            findings.compared("buildType", rule.buildType(), type);
            if (!rule.buildType().equals(type)) {
                findings.violation("buildType '" + type + "', expected '" + rule.buildType() + "'");
            }
        }
        JsonNode parameters = definition.path("externalParameters");
        match(findings, "source repository", parameters.path("repository").asText(null), rule.sourceRepository());
        match(findings, "source ref", parameters.path("ref").asText(null), rule.sourceRef());
        if (rule.maxAge() != null) {
            age(findings, run.path("metadata"), rule.maxAge(), now);
        }
        if (rule.externalParameters() != null) {
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!rule.externalParameters().contains(name)) {
                    unknown.add(name);
                }
            }
            findings.compared("externalParameters", "only " + rule.externalParameters(), unknown.isEmpty() ? "ok"
                    : "also " + unknown);
            if (!unknown.isEmpty()) {
                findings.violation("externalParameters not in the allow-list: " + String.join(", ", unknown));
            }
        }
        JsonNode dependencies = definition.path("resolvedDependencies");
        if (rule.requireGitCommit()) {
            String commit = null;
            for (JsonNode dependency : dependencies) {
                String value = dependency.path("digest").path("gitCommit").asText("");
                if (GIT_COMMIT.matcher(value).matches()) {
                    commit = value;
                    break;
                }
            }
            findings.compared("gitCommit", "recorded", commit == null ? "absent" : commit);
            if (commit == null) {
                findings.violation("no git commit among the resolvedDependencies");
            }
        }
        if (rule.datasetDigests() != null) {
            for (JsonNode dependency : dependencies) {
                String name = dependency.path("name").asText("");
                if (!name.startsWith("dataset")) {
                    continue;
                }
                String sha = dependency.path("digest").path("sha256").asText("");
                String digest = sha.isEmpty() ? "(no sha256)" : "sha256:" + sha;
                findings.compared(name, "one of the allowed dataset digests", digest);
                if (!rule.datasetDigests().contains(digest)) {
                    findings.violation(name + " " + digest + " is not an allowed dataset digest");
                }
            }
        }
    }

    private static void match(Findings findings, String what, String value, Pattern expected) {
        if (expected == null) {
            return;
        }
        findings.compared(what, "matches " + expected.pattern(), value == null ? "not recorded" : value);
        if (value == null || !expected.matcher(value).matches()) {
            findings.violation(what + " " + (value == null ? "not recorded" : "'" + value + "'")
                    + " does not match '" + expected.pattern() + "'");
        }
    }

    private static void age(Findings findings, JsonNode metadata, Duration maxAge, Instant now) {
        String when = metadata.path("finishedOn").asText(metadata.path("startedOn").asText(""));
        findings.compared("age", "at most " + maxAge, when.isEmpty() ? "no finishedOn" : "built " + when);
        if (when.isEmpty()) {
            findings.violation("the provenance records no finishedOn or startedOn time");
            return;
        }
        try {
            Duration age = Duration.between(Instant.parse(when), now);
            if (age.isNegative()) {
                findings.violation("built " + when + ", in the future");
            } else if (age.compareTo(maxAge) > 0) {
                findings.violation("built " + when + ", older than " + maxAge);
            }
        } catch (DateTimeParseException e) {
            findings.violation("unreadable build time '" + when + "'");
        }
    }
}
