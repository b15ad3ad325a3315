package io.modelkit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process with its own home, environment and standard input. */
final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];

    CliRunner(Path home) {
        env.put("MODELKIT_HOME", home.toString());
        env.put("HOME", home.toString());
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin), Map.copyOf(env), false);
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
