package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.gate.Gate;
import io.modelkit.core.gate.GateInput;
import io.modelkit.core.gate.GateReport;
import io.modelkit.core.gate.GateReports;
import io.modelkit.core.gate.Policy;
import io.modelkit.core.gate.PolicyReader;
import io.modelkit.core.gate.Status;
import io.modelkit.core.gate.VerificationSummary;
import io.modelkit.core.gate.VerifiedAttestation;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.promote.Stage;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.transfer.Endpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit gate}: a policy's rules against a ModelKit, each one reported; exit 3 when an enforced rule fails. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        header = "Check a ModelKit against a gate policy before it moves on.",
        description = "Evaluates every rule of the policy (provenance, hyperparameters, content, registry) and reports "
                + "each as PASS, WARN (audit rule broken) or FAIL (enforced rule broken), with the values compared. Only "
                + "attestations signed by a --trusted-key count. The baseline for hyperparameter and content rules is "
                + "--baseline, else the ModelKit at --target-tag. With --key the outcome is signed as an SLSA "
                + "Verification Summary Attestation and stored next to the ModelKit. Exit codes: 0 passed (warnings "
                + "allowed), 3 an enforced rule failed, 1 error (an unreadable policy is an error, never a pass).",
        footer = {
            "",
            "Examples:",
            "  modelkit gate registry.example.com/ml/fraud:1.4.0 -r --policy .modelkit/gate.yaml --trusted-key ci.pub \\",
            "      --target-tag registry.example.com/ml/fraud:prod --junit gate.xml",
            "  MODELKIT_KEY_PASSWORD=... modelkit gate fraud:1.4.0 --policy gate.yaml --key gate.key --format markdown"
        })
final class GateCommand extends StoreCommand implements IExitCodeGenerator {
    /** The exit code of a gate whose enforced rule failed; errors stay 1. */
    static final int EXIT_GATE_FAILED = 3;

    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or a registry, or oci:PATH[:TAG].")
    String reference;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The gate policy (YAML), e.g. .modelkit/gate.yaml; default with --stage: the stage's policy.")
    Path policyFile;

    @Option(names = "--stage", paramLabel = "NAME",
            description = "Gate entry into this stage of the stages file: its policy, its current ModelKit as the "
                    + "baseline and REF's tag in its repository as the target tag, unless given.")
    String stageName;

    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file for --stage (default: ${DEFAULT-VALUE}).")
    Path stagesFile;

    @Option(names = "--baseline", paramLabel = "REF", description = "The ModelKit to compare with (default: the one at --target-tag).")
    String baseline;

    @Option(names = "--target-tag", paramLabel = "REF", description = "Where the ModelKit is to be promoted; checked by registry rules.")
    String targetTag;

    @Option(names = "--trusted-key", paramLabel = "FILE", description = "A public key whose signatures count (PEM, as cosign.pub); repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE",
            description = "Sign the outcome as a VSA with this private key (password from $" + KeyPassword.VARIABLE + ").")
    Path key;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or markdown.")
    String format;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML (testsuite modelkit-gate).")
    Path junit;

    @Option(names = {"-r", "--remote"}, description = "Read the ModelKits from the registry even if the local store has them.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    private int exitCode;

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    protected void execute() throws Exception {
        if (!"text".equals(format) && !"markdown".equals(format)) {
            throw new ModelKitException("--format: expected text or markdown, got '" + format + "'");
        }
        if (stageName != null) {
            applyStage(StagesReader.read(stagesFile).stage(stageName));
        }
        if (policyFile == null) {
            throw new ModelKitException("gate " + reference + ": name a policy with --policy FILE or a stage with --stage NAME");
        }
        Policy policy = PolicyReader.read(policyFile);
        List<PublicKey> trusted = new ArrayList<>();
        for (Path file : trustedKeys) {
            trusted.add(KeyFiles.readPublic(file));
        }
        SigningKey signingKey = key == null ? null : AttestCommand.readKey(key, KeyPassword.read(context(), false));

        AttestationTarget target = AttestationTarget.of(sourceEndpoint(location(reference), remote, network));
        ModelKitContents modelKit = ModelKitReader.read(target.endpoint());
        Descriptor subject = modelKit.descriptor();
        List<VerifiedAttestation> attestations = VerifiedAttestation.find(target.store(), subject, trusted);
        Digest current = targetTag == null ? null : currentDigest(location(targetTag));
        ModelKitContents baselineKit = null;
        if (baseline != null) {
            baselineKit = ModelKitReader.read(sourceEndpoint(location(baseline), remote, network));
        } else if (current != null) {
            // by the digest just resolved: the tag may move between the two reads
            baselineKit = ModelKitReader.read(Endpoints.pinned(sourceEndpoint(location(targetTag), remote, network), current));
        }
        Instant now = Instant.now();
        GateReport report = Gate.evaluate(policy, GateInput.builder(modelKit, subject.digest()).attestations(attestations)
                .baseline(baselineKit).target(targetTag, current).now(now).build());

        Descriptor vsa = null;
        if (signingKey != null) {
            Statement statement = VerificationSummary.statement(report, target.subjectName(),
                    VerificationSummary.resourceUri(target.subjectName(), subject.digest()), ModelKitVersion.get(), attestations);
            vsa = VerificationSummary.signAndStore(statement, signingKey, target.store(), subject, now);
        }
        if (junit != null) {
            AtomicFile.write(junit, GateReports.junitXml(report).getBytes(StandardCharsets.UTF_8));
        }
        if (json) {
            ObjectNode node = GateReports.json(report);
            node.put("vsa", vsa == null ? null : vsa.digest().toString());
            printJson(node);
        } else {
            out().print("markdown".equals(format) ? GateReports.markdown(report) : GateReports.text(report));
            if (vsa != null) {
                out().println("Verification summary signed with " + signingKey.fingerprint() + ": referrer " + vsa.digest());
            }
        }
        if (report.outcome() == Status.FAIL) {
            exitCode = EXIT_GATE_FAILED;
            context().err().println("modelkit: gate failed: " + report.results().stream()
                    .filter(r -> r.status() == Status.FAIL).map(r -> r.name() + ": " + r.message()).findFirst().orElse(""));
        }
    }

    /**
     * Fills in what the stage implies and the command line left open: the stage's policy, what the
     * stage holds now as the baseline, and REF's tag in the stage's repository as the target tag.
     */
    private void applyStage(Stage stage) {
        if (policyFile == null) {
            if (stage.policy() == null) {
                throw new ModelKitException("stage '" + stage.name() + "' in " + stagesFile
                        + " has no policy: add one there or name one with --policy");
            }
            policyFile = stage.policy();
        }
        if (baseline == null) {
            Reference held = stage.reference(stage.stageTag());
            registryClient(held, network).headManifest(held.repository(), held.reference())
                    .ifPresent(current -> baseline = stage.reference(current.digest()).toString());
        }
        if (targetTag == null && location(reference) instanceof Reference source && source.tag() != null) {
            targetTag = stage.reference(source.tag()).toString();
        }
    }

    /** The digest the target tag holds now, or null when it is absent. */
    private Digest currentDigest(Location target) {
        if (target instanceof Reference tag && (remote || !tag.hasDefaultRegistry())) {
            return registryClient(tag, network).headManifest(tag.repository(), tag.reference())
                    .map(Descriptor::digest).orElse(null);
        }
        return existingStoreFor(target).resolve(target).map(Descriptor::digest).orElse(null);
    }
}
