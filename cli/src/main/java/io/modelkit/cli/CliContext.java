package io.modelkit.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, passed in so that tests can run the whole
 * command line in-process with their own streams, environment and terminal setting.
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {

    /** The real process: stdout, stderr, stdin, the environment, and whether stdout is a terminal. */
    public static CliContext system() {
        // UTF-8 whatever the locale: `inspect --raw` must print a manifest's exact bytes
        return new CliContext(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
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
