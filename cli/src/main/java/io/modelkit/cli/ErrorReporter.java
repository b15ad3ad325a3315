package io.modelkit.cli;

import io.modelkit.cli.command.ModelKitCommand;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns a failed command into one line on stderr that says what went wrong, naming the file, field
 * or reference; the stack trace only with {@code --debug}. Exit code 1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final CliContext context;

    ErrorReporter(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = context.err();
        context.out().flush();
        err.println("modelkit: error: " + describe(ex));
        if (debug(commandLine)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return Main.EXIT_FAILURE;
    }

    private static boolean debug(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof ModelKitCommand command && command.debug();
    }

    /** A one-line description; file system errors get the path they concern. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException unchecked) {
            // the wrapper says what was being done ("cannot read layer X of REF"), the cause why
            String cause = describe(unchecked.getCause());
            String context = unchecked.getMessage();
            return context == null || context.equals(unchecked.getCause().toString()) || context.equals(unchecked.getCause().getMessage())
                    ? cause : context + ": " + cause;
        }
        Throwable cause = ex;
        if (cause instanceof ModelKitException) {
            return cause.getMessage();
        }
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            return reason + ": " + fs.getFile();
        }
        if (cause instanceof IOException io) {
            return "I/O error: " + io.getMessage();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getName() : message;
    }
}
