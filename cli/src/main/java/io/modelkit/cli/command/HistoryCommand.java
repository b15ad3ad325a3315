package io.modelkit.cli.command;

import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.PromotionRecord;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.StagesReader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit history}: the promotion records of a stage or repository, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        header = "List the promotions of a stage or repository, newest first.",
        description = "Reads the promotion records stored as referrers in the repository. A name with a '/' is a "
                + "repository (host/repo); otherwise a stage of --stages. Exit codes: 0 listed, 1 error.",
        footer = {"", "Examples:", "  modelkit history prod", "  modelkit history registry.example.com/ml/fraud"})
final class HistoryCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REPO_OR_STAGE", description = "A stage name or host/repository.")
    String target;

    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file (default: .modelkit/stages.yaml).")
    Path stagesFile;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        List<PromotionRecord> records;
        if (target.contains("/")) {
            Reference repository = Reference.parse(target);
            records = Promoter.history(repository, registryClient(repository, network));
        } else {
            records = new Promoter(StagesReader.read(stagesFile), r -> registryClient(r, network), network.concurrency,
                    progress()).history(target);
        }
        for (PromotionRecord r : records) {
            out().println(r.promotedAt() + "  " + r.kind() + "  " + r.stage() + "  " + r.digest() + "  ["
                    + String.join(", ", r.tags()) + "]  by " + r.promotedBy()
                    + (r.buildUrl() == null ? "" : "  " + r.buildUrl()) + "  from " + r.source());
        }
    }
}
