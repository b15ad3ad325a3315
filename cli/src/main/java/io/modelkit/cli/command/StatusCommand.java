package io.modelkit.cli.command;

import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.StageStatus;
import io.modelkit.core.promote.StagesReader;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelkit status}: which version each stage holds. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Show which version each stage holds.",
        description = "For each stage of the stages file: its stage tag, the digest it holds and the Kitfile's package "
                + "version. Exit codes: 0 shown, 1 error.",
        footer = {"", "Examples:", "  modelkit status --stages .modelkit/stages.yaml"})
final class StatusCommand extends StoreCommand {
    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file (default: .modelkit/stages.yaml).")
    Path stagesFile;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        Promoter promoter = new Promoter(StagesReader.read(stagesFile), r -> registryClient(r, network),
                network.concurrency, progress());
        for (StageStatus status : promoter.status()) {
            out().println(status.stage().name() + "  " + status.stage().reference(status.stage().stageTag()) + "  "
                    + (status.digest() == null ? "(empty)" : status.digest() + "  "
                    + (status.version() == null ? "(no version)" : status.version())));
        }
    }
}
