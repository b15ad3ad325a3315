package io.modelkit.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, passed in so that tests can run the whole
 * command line in-process with their own streams, environment and terminal setting.
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {

    /** The real process: stdout, stderr, stdin, the environment, and whether stdout is a terminal. */
    public static CliContext system() {
        return new CliContext(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.in,
                System.getenv(),
                System.console() != null);
    }

    /** True unless {@code NO_COLOR} is set (https://no-color.org) or output is not a terminal. */
    public boolean color() {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }
}
