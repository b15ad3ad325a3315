package io.modelkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A wrong command line: one line saying what is wrong and where to find help, exit code 2. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("modelkit: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return Main.EXIT_USAGE;
    }
}
