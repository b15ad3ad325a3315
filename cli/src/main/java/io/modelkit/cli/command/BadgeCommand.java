package io.modelkit.cli.command;

import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.dashboard.Badge;
import io.modelkit.core.dashboard.DashboardBuilder;
import io.modelkit.core.dashboard.GateOutcome;
import io.modelkit.core.dashboard.ModelKitRow;
import io.modelkit.core.dashboard.StageEntry;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.promote.StagesReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelkit badge}: an SVG status badge of a stage, or of any label and message. */
@Command(
        name = "badge",
        mixinStandardHelpOptions = true,
        header = "Write an SVG status badge in the shields.io style.",
        description = "With --stages and --stage: 'STAGE | MODELKIT VERSION' for what the stage holds ('none' when "
                + "empty), coloured by its gate outcome (green passed, yellow warned, red failed, grey unknown: the "
                + "newest gate summary signed by a --trusted-key, else the promotion record). With --label and "
                + "--message: that text, coloured by --status. Exit codes: 0 written, 1 error, 2 usage.",
        footer = {"", "Examples:",
            "  modelkit badge --stages .modelkit/stages.yaml --stage prod --out prod.svg --trusted-key gate.pub",
            "  modelkit badge --label model --message 'fraud-detector 1.4.0' --status passed --out fraud.svg"})
final class BadgeCommand extends StoreCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The SVG file to write.")
    Path out;

    @Option(names = "--trusted-key", paramLabel = "FILE",
            description = "A public key (PEM) whose gate summaries count; repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    @Mixin
    RegistryOptions network;

    static final class Source {
        @ArgGroup(exclusive = false)
        StageSource stage;

        @ArgGroup(exclusive = false)
        FreeSource free;
    }

    static final class StageSource {
        @Option(names = "--stages", paramLabel = "FILE", required = true, description = "The stages file.")
        Path stagesFile;

        @Option(names = "--stage", paramLabel = "STAGE", required = true, description = "The stage to show.")
        String stage;

        @Option(names = "--modelkit", paramLabel = "NAME",
                description = "The name shown (default: the Kitfile's package name).")
        String modelKit;
    }

    static final class FreeSource {
        @Option(names = "--label", paramLabel = "TEXT", required = true, description = "The left-hand text.")
        String label;

        @Option(names = "--message", paramLabel = "TEXT", required = true, description = "The right-hand text.")
        String message;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "unknown", converter = OutcomeConverter.class,
                description = "passed, warned, failed or unknown (default: unknown).")
        GateOutcome status;
    }

    @Override
    protected void execute() {
        Badge badge = source.stage != null ? stageBadge(source.stage)
                : new Badge(source.free.label, source.free.message, source.free.status);
        AtomicFile.write(out, badge.svg().getBytes(StandardCharsets.UTF_8));
        out().println("Wrote badge " + out + " (" + badge.label() + " | " + badge.message() + ", "
                + badge.outcome().label() + ")");
    }

    private Badge stageBadge(StageSource stage) {
        Stages stages = StagesReader.read(stage.stagesFile);
        stages.stage(stage.stage); // an unknown stage is an error naming the known ones, before any registry call
        ModelKitRow row = new DashboardBuilder(DashboardCommand.clients(this, network),
                DashboardCommand.keys(trustedKeys)).build(List.of(stages), Instant.now()).modelKits().get(0);
        StageEntry entry = row.stages().stream().filter(s -> s.stage().equals(stage.stage)).findFirst()
                .orElseThrow(() -> new ModelKitException("stage '" + stage.stage + "' is missing from " + stage.stagesFile));
        return Badge.of(stage.modelKit != null ? stage.modelKit : row.name(), entry);
    }

    static final class OutcomeConverter implements CommandLine.ITypeConverter<GateOutcome> {
        @Override
        public GateOutcome convert(String value) {
            for (GateOutcome outcome : GateOutcome.values()) {
                if (outcome.label().equals(value.toLowerCase(Locale.ROOT))) {
                    return outcome;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a status; use passed, warned, failed or unknown");
        }
    }
}
