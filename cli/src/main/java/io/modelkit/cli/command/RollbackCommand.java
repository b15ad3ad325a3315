package io.modelkit.cli.command;

import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.PromotionRequest;
import io.modelkit.core.promote.PromotionResult;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.provenance.keys.SigningKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit rollback}: a stage back to the version it held before, as a recorded promotion. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        header = "Point a stage back at the version it held before.",
        description = "Finds the previous version in the stage's promotion records (or takes --to), which must have been "
                + "promoted to this stage before, so its gate is not run again; writes a rollback record, then moves the "
                + "stage's tags. Exit codes: 0 done, 1 error.",
        footer = {"", "Examples:", "  modelkit rollback prod", "  modelkit rollback prod --to 1.3.0 --key promote.key",
                "  modelkit rollback prod --trusted-key promote.pub --key promote.key"})
final class RollbackCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "STAGE", description = "The stage to roll back.")
    String stage;

    @Option(names = "--to", paramLabel = "DIGEST_OR_TAG", description = "The version to return to (default: the previous one).")
    String to;

    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file (default: .modelkit/stages.yaml).")
    Path stagesFile;

    @Option(names = "--dry-run", description = "Find the version, change nothing.")
    boolean dryRun;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Sign the record with this private key (password from $" + KeyPassword.VARIABLE + ").")
    Path key;

    @Option(names = "--trusted-key", paramLabel = "FILE", description = "Only records signed by one of these public keys "
            + "choose the version to return to; repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        SigningKey signingKey = key == null ? null : AttestCommand.readKey(key, KeyPassword.read(context(), false));
        Promoter promoter = new Promoter(StagesReader.read(stagesFile), r -> registryClient(r, network),
                network.concurrency, progress());
        PromotionResult result = promoter.rollback(stage, to, PromotionRequest.builder(stage, stage).dryRun(dryRun)
                .key(signingKey).trustedKeys(PromoteCommand.readTrusted(trustedKeys)).env(context().env()).now(Instant.now()).build());
        out().println((dryRun ? "Dry run: would roll back" : "Rolled back") + " stage '" + stage + "' to "
                + result.digest() + " (" + String.join(", ", result.tags()) + ")");
    }
}
