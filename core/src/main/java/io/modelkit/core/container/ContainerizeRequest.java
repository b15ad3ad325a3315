package io.modelkit.core.container;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to build: a ModelKit on top of a base image, written to a target, with the selected content
 * under {@code modelDir}, and the entrypoint, environment and ports of the serving process.
 *
 * @param creationTime the image's creation time and {@code org.opencontainers.image.created}, or
 *                     null for jib's fixed epoch, which keeps the digest reproducible
 * @param plainHttp    talk plain HTTP (or unverified TLS) to every registry involved; loopback
 *                     registries get this on their own
 * @param attestation  who signs SLSA provenance for the image, stored as its referrer; null for none
 * @param sourceName   the ModelKit as the user named it, for labels and provenance (a layout path
 *                     relative to a workspace, not where the process found it); default {@code source}
 */
public record ContainerizeRequest(Location source, Reference base, ImageTarget target, String modelDir,
                                  List<String> entrypoint, Map<String, String> environment, Set<Integer> ports,
                                  Set<ContentKind> include, Instant creationTime, boolean plainHttp,
                                  ImageAttestation attestation, ProgressListener listener, String sourceName) {
    public static final String DEFAULT_MODEL_DIR = "/models";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ContainerizeRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(target, "target");
        modelDir = checkModelDir(modelDir);
        entrypoint = List.copyOf(entrypoint);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ports = java.util.Collections.unmodifiableSet(new TreeSet<>(ports));
        include = include.isEmpty() ? EnumSet.allOf(ContentKind.class) : Set.copyOf(include);
        listener = listener == null ? ProgressListener.NONE : listener;
        sourceName = sourceName == null || sourceName.isBlank() ? source.toString() : sourceName;
        if (attestation != null && target instanceof ImageTarget.Tar) {
            throw new ModelKitException("cannot attest an image written to " + target
                    + ": an attestation is stored next to its image, in a registry or an oci: layout");
        }
    }

    public static Builder builder(Location source, Reference base, ImageTarget target) {
        return new Builder(source, base, target);
    }

    private static String checkModelDir(String dir) {
        String value = dir == null || dir.isEmpty() ? DEFAULT_MODEL_DIR : dir;
        if (!value.startsWith("/")) {
            throw new ModelKitException("model dir '" + value + "' must be an absolute path in the image, such as /models");
        }
        for (String component : value.split("/")) {
            if (component.equals("..") || component.equals(".")) {
                throw new ModelKitException("model dir '" + value + "' must not contain '.' or '..' components");
            }
        }
        return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** Collects the options; everything but source, base and target has a default. */
    public static final class Builder {
        private final Location source;
        private final Reference base;
        private final ImageTarget target;
        private String modelDir = DEFAULT_MODEL_DIR;
        private List<String> entrypoint = List.of();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Set<Integer> ports = new TreeSet<>();
        private final Set<ContentKind> include = EnumSet.noneOf(ContentKind.class);
        private Instant creationTime;
        private boolean plainHttp;
        private String sourceName;
        private ImageAttestation attestation;
        private ProgressListener listener = ProgressListener.NONE;

        private Builder(Location source, Reference base, ImageTarget target) {
            this.source = source;
            this.base = base;
            this.target = target;
        }

        /** The absolute directory the ModelKit's files go under (default {@code /models}). */
        public Builder modelDir(String value) {
            this.modelDir = value;
            return this;
        }

        /** The container's entrypoint; empty keeps the base image's. */
        public Builder entrypoint(List<String> value) {
            this.entrypoint = new ArrayList<>(value);
            return this;
        }

        /** One environment variable; a name given twice keeps the last value. */
        public Builder environment(String name, String value) {
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw new ModelKitException("invalid environment variable name '" + name + "': expected letters, digits and '_'");
            }
            environment.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Parses {@code NAME=VALUE}. */
        public Builder environment(String assignment) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new ModelKitException("invalid environment variable '" + assignment + "': expected NAME=VALUE");
            }
            return environment(assignment.substring(0, equals), assignment.substring(equals + 1));
        }

        /** A TCP port to expose. */
        public Builder port(int value) {
            if (value < 1 || value > 65535) {
                throw new ModelKitException("invalid port " + value + ": expected 1 to 65535");
            }
            ports.add(value);
            return this;
        }

        /** The content kinds to add; none given means all. */
        public Builder include(Set<ContentKind> kinds) {
            include.addAll(kinds);
            return this;
        }

        /** Records this time in the image; leaving it unset keeps the image reproducible. */
        public Builder creationTime(Instant value) {
            this.creationTime = value;
            return this;
        }

        public Builder plainHttp(boolean value) {
            this.plainHttp = value;
            return this;
        }

        /** Sign provenance for the image and store it as the image's referrer. */
        public Builder attest(ImageAttestation value) {
            this.attestation = value;
            return this;
        }

        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        /** How labels and provenance name the ModelKit, when {@code source} is a path only this machine knows. */
        public Builder sourceName(String value) {
            this.sourceName = value;
            return this;
        }

        public ContainerizeRequest build() {
            return new ContainerizeRequest(source, base, target, modelDir, entrypoint, environment, ports, include,
                    creationTime, plainHttp, attestation, listener, sourceName);
        }
    }
}
