package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.verify.AttestationResult;
import io.modelkit.core.provenance.verify.Check;
import io.modelkit.core.provenance.verify.VerificationReport;
import io.modelkit.core.provenance.verify.Verifier;
import io.modelkit.core.provenance.verify.VerifyRequest;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code modelkitVerify} on the agent: checks the ModelKit's blobs and its signed provenance with
 * the trusted public keys, logs every check, and reports the outcome in the summary's details
 * ({@code passed}, {@code checks}, {@code failedCheck}, {@code verifiedBy}). It does not fail by itself: the step
 * decides between failing the build and marking it unstable.
 */
public final class VerifyCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;
    private static final String PASSED = "\u2714 ";
    private static final String FAILED = "\u2718 ";

    private final String reference;
    private final boolean remote;
    private final LinkedHashMap<String, String> keyTexts;
    private final ArrayList<String> keyFiles;
    private final VerifyExpectations expectations;

    /**
     * @param keyTexts public keys as PEM text, by the name errors give them (a credential ID, "keys (block 2)")
     * @param keyFiles public key files on the agent, absolute
     */
    public VerifyCallable(TaskListener listener, AgentSettings settings, String reference, boolean remote,
            Map<String, String> keyTexts, List<String> keyFiles, VerifyExpectations expectations) {
        super(listener, settings);
        this.reference = reference;
        this.remote = remote;
        this.keyTexts = new LinkedHashMap<>(keyTexts);
        this.keyFiles = new ArrayList<>(keyFiles);
        this.expectations = expectations;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        Location location = Location.parse(reference);
        Endpoints endpoints = context.endpoints();
        Endpoint source = endpoints.reading(location, remote);
        VerificationReport report = Verifier.verify(request(context.settings().concurrency()), source,
                AttestationStores.of(location, source, endpoints), context.progress());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Check check : report.integrity()) {
            checks.add(logged(context, "", null, check));
        }
        for (AttestationResult attestation : report.attestations()) {
            context.progress().info("attestation " + attestation.origin() + ":");
            for (Check check : attestation.checks()) {
                checks.add(logged(context, "  ", attestation.origin(), check));
            }
        }
        Check failed = firstFailure(report);
        if (report.attestations().isEmpty()) {
            logged(context, "", null, failed);
        }
        context.progress().info((report.passed() ? "Verified " : "NOT verified: ") + reference + " (" + report.manifest() + ")");
        return summary(Endpoints.pinned(source, report.manifest()))
                .with("passed", report.passed())
                .with("checks", checks)
                .with("attestations", report.attestations().size())
                .with("failedCheck", failed == null ? null : failed.name() + ": " + failed.detail())
                .with("verifiedBy", verifiedBy(report));
    }

    /** The first attestation that passed and who signed it, such as {@code bundle referrer sha256:...: signed by sha256:...}. */
    private static String verifiedBy(VerificationReport report) {
        if (!report.passed()) {
            return null;
        }
        AttestationResult passed = report.attestations().stream().filter(AttestationResult::passed).findFirst().orElseThrow();
        return passed.origin() + ": " + passed.checks().get(0).detail();
    }

    private VerifyRequest request(int concurrency) {
        List<PublicKey> trusted = new ArrayList<>();
        keyTexts.forEach((name, pem) -> trusted.add(KeyFiles.readPublic(pem.getBytes(StandardCharsets.ISO_8859_1), name)));
        keyFiles.forEach(file -> trusted.add(KeyFiles.readPublic(Path.of(file))));
        return VerifyRequest.builder(trusted)
                .fullIntegrity(expectations.fullIntegrity())
                .builderId(expectations.builderId())
                .sourceRepository(expectations.sourceRepository() == null ? null : Pattern.compile(expectations.sourceRepository()))
                .sourceRef(expectations.sourceRef() == null ? null : Pattern.compile(expectations.sourceRef()))
                .maxAge(expectations.maxAge())
                .concurrency(concurrency)
                .build();
    }

    /**
     * The check that decides a failed verification: a blob that does not match, else (no attestation
     * passed) the first failed check of the first attestation, or that none was found at all.
     */
    static Check firstFailure(VerificationReport report) {
        if (report.passed()) {
            return null;
        }
        for (Check check : report.integrity()) {
            if (!check.passed()) {
                return check;
            }
        }
        if (report.attestations().isEmpty()) {
            return Check.fail("attestation", "none found for " + report.manifest());
        }
        for (AttestationResult attestation : report.attestations()) {
            for (Check check : attestation.checks()) {
                if (!check.passed()) {
                    return check;
                }
            }
        }
        return Check.fail("attestation", "none passed");
    }

    private static Map<String, Object> logged(AgentContext context, String indent, String origin, Check check) {
        context.progress().info(indent + (check.passed() ? PASSED : FAILED) + check.name() + ": " + check.detail());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attestation", origin);
        row.put("name", check.name());
        row.put("passed", check.passed());
        row.put("detail", check.detail());
        return row;
    }

    /** The ModelKit's fields; a config that cannot be read (a tampered one) leaves the Kitfile fields empty. */
    private ModelKitSummary summary(Endpoint source) {
        try {
            ModelKitContents contents = ModelKitReader.read(source);
            return ModelKitSummary.of(reference, contents.manifest(), contents.kitfile());
        } catch (ModelKitException e) {
            return ModelKitSummary.of(reference, source.manifest().parse(), null);
        }
    }
}
