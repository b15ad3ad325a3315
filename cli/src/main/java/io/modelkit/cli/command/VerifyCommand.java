package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.verify.AttestationResult;
import io.modelkit.core.provenance.verify.Check;
import io.modelkit.core.provenance.verify.VerificationReport;
import io.modelkit.core.provenance.verify.Verifier;
import io.modelkit.core.provenance.verify.VerifyRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit verify}: integrity, signatures and provenance of a ModelKit, each check reported. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        header = "Verify a ModelKit: its blobs, and the signed provenance stored next to it.",
        description = "Checks every blob's digest and size against the manifest (streamed, nothing written; or only the "
                + "manifest with --integrity=manifest-only), then every attestation found as a Sigstore bundle referrer or in "
                + "cosign's sha256-<hex>.att image: a signature by one of the trusted keys over the exact payload, a subject "
                + "that is this manifest's digest, the predicate type, and the expectations given. Exits 0 only if the blobs "
                + "match and at least one attestation passes every check.",
        footer = {
            "",
            "Examples:",
            "  modelkit verify registry.example.com/ml/sentiment:1.4.0 --key modelkit.pub",
            "  modelkit verify registry.example.com/ml/sentiment@sha256:... --keys-dir trusted/ --builder-id https://ci.example.com/",
            "  modelkit verify sentiment:1.4.0 --key cosign.pub --source-repo 'https://git\\.example\\.com/ml/.*' --max-age 7d --json"
        })
final class VerifyCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or a registry, or oci:PATH[:TAG].")
    String reference;

    @Option(names = "--key", paramLabel = "FILE", description = "A trusted public key (PEM, as cosign.pub); repeatable.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--keys-dir", paramLabel = "DIR", description = "Trust every *.pub and *.pem public key in this directory.")
    Path keysDir;

    @Option(names = "--integrity", paramLabel = "MODE", defaultValue = "full",
            description = "full (default: hash every blob) or manifest-only.")
    String integrity;

    @Option(names = "--type", paramLabel = "URI", defaultValue = "https://slsa.dev/provenance/v1",
            description = "The predicate type required (default: ${DEFAULT-VALUE}).")
    String predicateType;

    @Option(names = "--builder-id", paramLabel = "URI", description = "The builder id the provenance must name.")
    String builderId;

    @Option(names = "--source-repo", paramLabel = "REGEX", description = "A pattern the whole source repository must match.")
    String sourceRepository;

    @Option(names = "--source-ref", paramLabel = "REGEX", description = "A pattern the whole source ref must match.")
    String sourceRef;

    @Option(names = "--max-age", paramLabel = "AGE", converter = AgeConverter.class,
            description = "How old the provenance may be: 30m, 12h, 7d or ISO-8601 (P7D).")
    Duration maxAge;

    @Option(names = {"-r", "--remote"}, description = "Verify the ModelKit in the registry even if the local store has it.")
    boolean remote;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        if (!"full".equals(integrity) && !"manifest-only".equals(integrity)) {
            throw new ModelKitException("--integrity: expected full or manifest-only, got '" + integrity + "'");
        }
        VerifyRequest.Builder request = VerifyRequest.builder(trustedKeys())
                .fullIntegrity("full".equals(integrity))
                .predicateType(predicateType)
                .builderId(builderId)
                .sourceRepository(pattern("--source-repo", sourceRepository))
                .sourceRef(pattern("--source-ref", sourceRef))
                .maxAge(maxAge)
                .concurrency(network.concurrency);
        AttestationTarget target = AttestationTarget.of(sourceEndpoint(location(reference), remote, network));
        VerificationReport report = Verifier.verify(request.build(), target.endpoint(), target.store(), progress());
        if (json) {
            printJson(toJson(report));
        } else {
            print(report, out());
        }
        if (!report.passed()) {
            throw new ModelKitException("verification of " + reference + " failed" + firstFailure(report));
        }
    }

    private List<PublicKey> trustedKeys() throws IOException {
        List<Path> files = new ArrayList<>(keys);
        if (keysDir != null) {
            if (!Files.isDirectory(keysDir)) {
                throw new ModelKitException("--keys-dir " + keysDir + " is not a directory");
            }
            try (Stream<Path> listed = Files.list(keysDir)) {
                listed.filter(file -> file.toString().endsWith(".pub") || file.toString().endsWith(".pem")).sorted()
                        .forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new ModelKitException("no trusted key: give --key FILE (repeatable) or --keys-dir DIR");
        }
        List<PublicKey> trusted = new ArrayList<>();
        for (Path file : files) {
            trusted.add(KeyFiles.readPublic(file));
        }
        return trusted;
    }

    private static Pattern pattern(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new ModelKitException(option + ": invalid pattern '" + text + "': " + e.getDescription());
        }
    }

    private static void print(VerificationReport report, PrintWriter out) {
        out.println("Verifying " + report.reference() + " (" + report.manifest() + ")");
        report.integrity().forEach(check -> out.println("  " + line(check)));
        if (report.attestations().isEmpty()) {
            out.println("  FAILED  attestation: none found (no Sigstore bundle referrer, no sha256-"
                    + report.manifest().hex() + ".att image)");
        }
        for (AttestationResult attestation : report.attestations()) {
            out.println("  " + attestation.origin() + (attestation.passed() ? "" : " (does not count)"));
            attestation.checks().forEach(check -> out.println("    " + line(check)));
        }
        long passed = report.attestations().stream().filter(AttestationResult::passed).count();
        out.println(report.passed()
                ? "Verified: " + passed + " of " + report.attestations().size() + " attestations passed every check."
                : "NOT verified.");
    }

    private static String line(Check check) {
        return (check.passed() ? "ok      " : "FAILED  ") + check.name() + ": " + check.detail();
    }

    private static String firstFailure(VerificationReport report) {
        return Stream.concat(report.integrity().stream(), report.attestations().stream().flatMap(a -> a.checks().stream()))
                .filter(check -> !check.passed()).findFirst()
                .map(check -> ": " + check.name() + ": " + check.detail())
                .orElse(report.attestations().isEmpty() ? ": no attestation found" : "");
    }

    private static ObjectNode toJson(VerificationReport report) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("reference", report.reference());
        node.put("digest", report.manifest().toString());
        node.put("verified", report.passed());
        addChecks(node.putArray("integrity"), report.integrity());
        ArrayNode attestations = node.putArray("attestations");
        for (AttestationResult attestation : report.attestations()) {
            ObjectNode entry = attestations.addObject();
            entry.put("origin", attestation.origin());
            entry.put("passed", attestation.passed());
            addChecks(entry.putArray("checks"), attestation.checks());
        }
        return node;
    }

    private static void addChecks(ArrayNode array, List<Check> checks) {
        for (Check check : checks) {
            ObjectNode entry = array.addObject();
            entry.put("name", check.name());
            entry.put("passed", check.passed());
            entry.put("detail", check.detail());
        }
    }
}
