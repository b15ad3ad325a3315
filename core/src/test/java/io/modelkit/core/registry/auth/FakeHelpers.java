package io.modelkit.core.registry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/** Writes {@code docker-credential-*} shell scripts into a directory that only the tests search. */
final class FakeHelpers {
    private final Path bin;

    FakeHelpers(Path bin) throws IOException {
        this.bin = Files.createDirectories(bin);
    }

    CredentialHelperRunner runner() {
        return new CredentialHelperRunner(List.of(bin), Duration.ofSeconds(20));
    }

    /** A helper answering {@code username} and {@code secret}; the server URL read from stdin is logged to {@code <name>.log}. */
    Path answering(String name, String username, String secret) throws IOException {
        return script(name, "server=$(cat)\n"
                + "printf '%s' \"$server\" >> '" + bin.resolve(name + ".log") + "'\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + username + "\",\"Secret\":\"" + secret + "\"}\\n' \"$server\"\n");
    }

    /** A helper that knows no credential, answering as docker-credential-helpers does. */
    Path notFound(String name) throws IOException {
        return script(name, "cat > /dev/null\necho 'credentials not found in native keychain'\nexit 1\n");
    }

    Path script(String name, String body) throws IOException {
        Path program = bin.resolve(CredentialHelperRunner.PROGRAM_PREFIX + name);
        Files.writeString(program, "#!/bin/sh\n[ \"$1\" = get ] || exit 3\n" + body);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return program;
    }

    /** The server URLs the helper was asked about, concatenated. */
    String asked(String name) throws IOException {
        Path log = bin.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
