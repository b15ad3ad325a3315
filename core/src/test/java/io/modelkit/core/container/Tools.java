package io.modelkit.core.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the independent tools the tests check images with (skopeo, umoci); a failure shows their output. */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code command}, returns its standard output, fails with its output when it exits non-zero. */
    public static String run(String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("tool", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(err) + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * Builds a tiny base image, Debian's static busybox as {@code /bin/busybox} with {@code /bin/sh}
     * linking to it, with umoci into an OCI layout, and pushes it with skopeo to
     * {@code registryHost/repository:tag}.
     */
    public static void pushBusyboxBase(Path work, String registryHost, String repository, String tag)
            throws IOException, InterruptedException {
        pushBusyboxBase(work, registryHost, repository, tag, null);
    }

    /** The same, pushed with {@code user:password} ({@code credentials} null for none). */
    public static void pushBusyboxBase(Path work, String registryHost, String repository, String tag, String credentials)
            throws IOException, InterruptedException {
        Path layout = work.resolve("base-layout");
        Path bundle = work.resolve("base-bundle");
        run("umoci", "init", "--layout", layout.toString());
        run("umoci", "new", "--image", layout + ":" + tag);
        run("umoci", "unpack", "--rootless", "--image", layout + ":" + tag, bundle.toString());
        Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
        run("umoci", "repack", "--image", layout + ":" + tag, bundle.toString());
        run("umoci", "config", "--image", layout + ":" + tag, "--config.env", "PATH=/bin", "--config.cmd", "/bin/sh",
                "--config.label", "org.example.base=busybox");
        String destination = "docker://" + registryHost + "/" + repository + ":" + tag;
        if (credentials == null) {
            run("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout + ":" + tag, destination);
        } else {
            run("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", credentials, "oci:" + layout + ":" + tag, destination);
        }
    }
}
