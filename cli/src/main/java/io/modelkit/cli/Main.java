package io.modelkit.cli;

import io.modelkit.cli.command.ModelKitCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code modelkit} command. Only {@link #main} ends the process. */
public final class Main {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** The command failed: bad input, a missing reference, an I/O error. */
    public static final int EXIT_FAILURE = 1;
    /** The command line itself was wrong: unknown option, missing argument. */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        CliContext context = CliContext.system();
        Thread interrupted = new Thread(() -> {
            context.err().println();
            context.err().println("modelkit: interrupted; temporary files were removed and nothing half-written is left");
            context.err().flush();
        }, "modelkit-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupted);
        int code = run(context, args);
        Runtime.getRuntime().removeShutdownHook(interrupted);
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine commandLine = commandLine(context);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new ModelKitCommand(context));
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setExecutionExceptionHandler(new ErrorReporter(context));
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        return commandLine;
    }
}
