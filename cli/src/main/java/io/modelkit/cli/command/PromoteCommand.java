package io.modelkit.cli.command;

import io.modelkit.core.gate.GateReports;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.PromotionRequest;
import io.modelkit.core.promote.PromotionResult;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
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

/** {@code modelkit promote}: a ModelKit into the next stage, by digest, through the stage's gate. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        header = "Promote a ModelKit to a stage: gate, copy by digest, record, tag.",
        description = "Resolves REF to a digest once, runs the stage's gate against it (baseline: what the stage holds), "
                + "copies it by digest (blobs mounted within one registry) with its referrers and cosign .att/.sig images, "
                + "writes a promotion record (signed with --key) as a referrer, then moves the tags: the version tag "
                + "(--tag, default REF's tag), the stage's own tag and its extra tags. The record is written before the "
                + "tags; a rerun after an interruption finds it and completes the tags. Exit codes: 0 promoted or "
                + "already there, 3 the gate failed (nothing changed), 1 error.",
        footer = {
            "",
            "Examples:",
            "  modelkit promote registry.example.com/ml/fraud-staging:1.4.0 --to prod --trusted-key ci.pub --key promote.key",
            "  modelkit promote registry.example.com/ml/fraud-dev:1.4.0 --to staging --dry-run"
        })
final class PromoteCommand extends StoreCommand implements IExitCodeGenerator {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit in its current stage's registry repository.")
    String reference;

    @Option(names = "--to", required = true, paramLabel = "STAGE", description = "The stage to promote to.")
    String stage;

    @Option(names = "--tag", paramLabel = "TAG", description = "The version tag in the target (default: REF's tag).")
    String tag;

    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file (default: .modelkit/stages.yaml).")
    Path stagesFile;

    @Option(names = "--dry-run", description = "Run every check, change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Move the version tag even if it holds another digest.")
    boolean force;

    @Option(names = "--trusted-key", paramLabel = "FILE", description = "A public key whose attestations the gate counts; repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE",
            description = "Sign the promotion record with this private key (password from $" + KeyPassword.VARIABLE + ").")
    Path key;

    @Mixin
    RegistryOptions network;

    private int exitCode;

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The public keys of {@code --trusted-key} files, shared with rollback. */
    static List<PublicKey> readTrusted(List<Path> files) {
        List<PublicKey> trusted = new ArrayList<>();
        for (Path file : files) {
            trusted.add(KeyFiles.readPublic(file));
        }
        return trusted;
    }

    @Override
    protected void execute() throws Exception {
        List<PublicKey> trusted = readTrusted(trustedKeys);
        SigningKey signingKey = key == null ? null : AttestCommand.readKey(key, KeyPassword.read(context(), false));
        Promoter promoter = new Promoter(StagesReader.read(stagesFile), r -> registryClient(r, network),
                network.concurrency, progress());
        PromotionResult result = promoter.promote(PromotionRequest.builder(reference, stage).tag(tag).dryRun(dryRun)
                .force(force).key(signingKey).trustedKeys(trusted).env(context().env()).now(Instant.now()).build());
        print(result);
        if (result.outcome() == PromotionResult.Outcome.GATE_FAILED) {
            exitCode = GateCommand.EXIT_GATE_FAILED;
            context().err().println("modelkit: gate of stage '" + stage + "' failed for " + reference + ": nothing changed");
        }
    }

    private void print(PromotionResult result) {
        if (result.gate() != null) {
            out().print(GateReports.text(result.gate()));
        }
        String tags = String.join(", ", result.tags());
        switch (result.outcome()) {
            case PROMOTED -> {
                if (result.copy() != null) {
                    out().println("Copied " + result.copy().blobsCopied() + " blob(s) (" + result.copy().bytesCopied()
                            + " bytes), mounted " + result.copy().blobsMounted() + ", skipped " + result.copy().blobsSkipped()
                            + "; " + result.referrersCopied() + " referrer(s) and cosign image(s) along");
                }
                out().println("Promoted " + result.digest() + " to stage '" + result.stage() + "' as " + tags
                        + (result.record() == null ? " (completing the recorded promotion)" : "; record "
                        + result.record().digest()));
            }
            case UNCHANGED -> out().println("Stage '" + result.stage() + "' already holds " + result.digest() + " as " + tags);
            case DRY_RUN -> out().println("Dry run: would promote " + result.digest() + " to stage '" + result.stage()
                    + "' as " + tags);
            case GATE_FAILED -> out().println("Not promoted: the gate of stage '" + result.stage() + "' failed");
        }
    }
}
