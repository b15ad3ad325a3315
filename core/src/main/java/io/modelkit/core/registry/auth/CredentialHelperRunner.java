package io.modelkit.core.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Docker credential helpers: {@code docker-credential-<name> get} with the server URL on
 * stdin, answering {@code {"ServerURL","Username","Secret"}}. A helper is looked up only in the
 * directories given here, never through the JVM's own {@code PATH}, so that callers (and tests)
 * decide what may run. A helper that is not installed, or that answers "credentials not found",
 * yields no credential; any other failure is a {@link ModelKitException} naming the helper and the
 * registry, never the secret.
 */
public final class CredentialHelperRunner {
    /** The prefix Docker puts before a helper name to find its program. */
    public static final String PROGRAM_PREFIX = "docker-credential-";
    /** The user name with which a helper says that the secret is an identity token. */
    static final String TOKEN_USERNAME = "<token>";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_OUTPUT = 1 << 20;
    private static final int MAX_MESSAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> searchPath;
    private final Duration timeout;

    /**
     * @param searchPath directories searched in order for {@code docker-credential-<name>}
     * @param timeout    how long a helper may take; helpers may wait for a keychain to be unlocked
     */
    public CredentialHelperRunner(List<Path> searchPath, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A runner searching the directories of a {@code PATH}-style value, with a two-minute timeout. */
    public static CredentialHelperRunner onPath(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                try {
                    dirs.add(Path.of(dir));
                } catch (InvalidPathException e) {
                    // a malformed PATH entry cannot hold a helper; the others still can
                }
            }
        }
        return new CredentialHelperRunner(dirs, DEFAULT_TIMEOUT);
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    /** The helper's program, if it is installed in one of the search directories. */
    public Optional<Path> locate(String helper) {
        List<String> names = new ArrayList<>();
        names.add(PROGRAM_PREFIX + helper);
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            names.add(PROGRAM_PREFIX + helper + ".exe");
            names.add(PROGRAM_PREFIX + helper + ".cmd");
        }
        for (Path dir : searchPath) {
            for (String name : names) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Asks {@code helper} for the credential of {@code serverUrl}. Empty when the helper is not
     * installed, has no credential for that server, or answers with an empty secret.
     */
    public Optional<Credential> get(String helper, String serverUrl) {
        Optional<Path> program = locate(helper);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        String label = PROGRAM_PREFIX + helper;
        HelperResult result = run(program.get(), label, serverUrl);
        if (result.exitCode() != 0) {
            String message = firstLine(result.stdout().isBlank() ? result.stderr() : result.stdout());
            if (message.toLowerCase(Locale.ROOT).contains("credentials not found")) {
                return Optional.empty();
            }
            throw new ModelKitException("credential helper " + label + " failed for " + serverUrl
                    + " with exit code " + result.exitCode() + (message.isEmpty() ? "" : ": " + message));
        }
        return parse(result.stdout(), label, serverUrl);
    }

    private HelperResult run(Path program, String label, String serverUrl) {
        Process process;
        try {
            process = new ProcessBuilder(program.toString(), "get").start();
        } catch (IOException e) {
            throw new ModelKitException("cannot run credential helper " + label + " (" + program + "): " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a helper that exits without reading its input is judged by its exit code and output below
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ModelKitException("credential helper " + label + " did not answer for " + serverUrl
                        + " within " + timeout.toSeconds() + " s");
            }
            // a process the helper left behind may keep the pipes open: do not wait for it forever
            return new HelperResult(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ModelKitException("interrupted while waiting for credential helper " + label + " for " + serverUrl, e);
        } catch (TimeoutException e) {
            throw new ModelKitException("credential helper " + label + " did not close its output for " + serverUrl, e);
        } catch (ExecutionException e) {
            throw new ModelKitException("cannot read the answer of credential helper " + label + " for " + serverUrl, e.getCause());
        }
    }

    private static Optional<Credential> parse(String stdout, String label, String serverUrl) {
        JsonNode answer;
        try {
            answer = JSON.readTree(stdout);
        } catch (IOException e) {
            // never quote the answer: it is where the secret would be
            throw new ModelKitException("credential helper " + label + " gave no valid JSON answer for " + serverUrl);
        }
        if (answer == null || !answer.isObject()) {
            throw new ModelKitException("credential helper " + label + " gave no JSON object for " + serverUrl);
        }
        String username = answer.path("Username").asText("");
        String secret = answer.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (TOKEN_USERNAME.equals(username)) {
            return Optional.of(Credential.identityToken(secret));
        }
        return Optional.of(Credential.password(username, secret));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                byte[] bytes = stream.readNBytes(MAX_OUTPUT);
                stream.transferTo(OutputStream.nullOutputStream());
                result.complete(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "credential-helper-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String line = (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }

    private record HelperResult(int exitCode, String stdout, String stderr) {
    }
}
