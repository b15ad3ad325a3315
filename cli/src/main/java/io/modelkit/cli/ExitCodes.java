package io.modelkit.cli;

import picocli.CommandLine;

/** Maps picocli's outcomes onto our three exit codes. */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    @Override
    public int getExitCode(Throwable exception) {
        return exception instanceof CommandLine.ParameterException ? Main.EXIT_USAGE : Main.EXIT_FAILURE;
    }
}
