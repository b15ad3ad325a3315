package io.modelkit.cli.command;

import io.modelkit.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code modelkit} command; it only holds the global options and lists the subcommands. */
@Command(
        name = "modelkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Package, store and unpack AI projects as KitOps ModelKits (OCI artifacts).",
        description = "A ModelKit holds a model, its adapters, datasets, code and docs as one versioned, "
                + "content-addressed OCI artifact, described by a Kitfile. ModelKits are kept in a local OCI image "
                + "layout under $MODELKIT_HOME (default ~/.local/share/modelkit), or in any OCI layout directory "
                + "named as oci:PATH[:TAG].",
        footer = {
            "",
            "Examples:",
            "  modelkit init ./my-project",
            "  modelkit pack ./my-project -t sentiment:1.0",
            "  modelkit list",
            "  modelkit unpack sentiment:1.0 -d ./restored --filter model,docs",
            "",
            "Exit codes: 0 success, 1 failure, 2 wrong usage."
        },
        subcommands = {
            PackCommand.class,
            UnpackCommand.class,
            PushCommand.class,
            PullCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            ListCommand.class,
            InspectCommand.class,
            DiffCommand.class,
            InfoCommand.class,
            TagCommand.class,
            RemoveCommand.class,
            KeygenCommand.class,
            BomCommand.class,
            InitCommand.class,
            AttestCommand.class,
            VerifyCommand.class,
            GateCommand.class,
            PromoteCommand.class,
            RollbackCommand.class,
            HistoryCommand.class,
            StatusCommand.class,
            ContainerizeCommand.class,
            DashboardCommand.class,
            BadgeCommand.class
        })
public final class ModelKitCommand implements Runnable {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only results and errors.")
    private boolean quiet;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "MODE", defaultValue = "auto",
            description = "How progress is shown on stderr: auto (bars on a terminal, plain lines elsewhere), "
                    + "fancy, plain or none.")
    private ProgressMode progress;

    /** How progress is shown, as kit's --progress names the modes. */
    enum ProgressMode {
        auto, fancy, plain, none
    }

    public ModelKitCommand(CliContext context) {
        this.context = context;
    }

    public boolean debug() {
        return debug;
    }

    boolean quiet() {
        return quiet;
    }

    ProgressMode progressMode() {
        return progress;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
