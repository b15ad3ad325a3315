package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** File-tree utilities for extraction tests: snapshots, GNU tar, and modes. */
final class Trees {
    static final Path GNU_TAR = Path.of("/usr/bin/tar");

    private Trees() {
    }

    /**
     * Every path below {@code root} (not {@code root} itself) except those under {@code excluded}, with its type, permission
     * bits and, for files, the sha256 of the content. Links are described, never followed.
     */
    static Map<String, String> snapshot(Path root, Path... excluded) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (path.equals(root) || Stream.of(excluded).anyMatch(path::startsWith)) {
                    continue;
                }
                result.put(root.relativize(path).toString(), describe(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static String describe(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            return "link -> " + Files.readSymbolicLink(path);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        if (attributes.isDirectory()) {
            return "dir " + mode;
        }
        if (attributes.isRegularFile()) {
            return "file " + mode + " " + sha256(path);
        }
        return "other " + mode;
    }

    static Digest sha256(Path file) throws IOException {
        MessageDigest digest = Digest.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Digest.of(digest.digest());
    }

    /** Names of leftover temporary files anywhere below {@code root}. */
    static List<Path> temporaries(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> path.getFileName().toString().startsWith(".modelkit-")).forEach(found::add);
        }
        return found;
    }

    static void write(Path file, String content, String mode) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** Runs GNU tar in {@code workDir} and returns the archive it wrote with {@code -f}. */
    static byte[] gnuTar(Path workDir, String... args) throws IOException, InterruptedException {
        Path archive = Files.createTempFile("gnu", ".tar");
        List<String> command = new ArrayList<>(List.of(GNU_TAR.toString(), "-c", "-f", archive.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("tar %s: %s", args, output).isZero();
        byte[] bytes = Files.readAllBytes(archive);
        Files.delete(archive);
        return bytes;
    }
}
