package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Location;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to pack and how: build one with {@link #builder(Path)}. Only the context directory is
 * required; the Kitfile is found in it unless given.
 */
public record PackRequest(
        Path contextDir,
        Path kitfile,
        byte[] kitfileContent,
        String kitfileName,
        Compression compression,
        PackFormat format,
        Instant created,
        int parallelism,
        List<Location> targets,
        ProgressListener listener) {

    public PackRequest {
        Objects.requireNonNull(contextDir, "contextDir");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(created, "created");
        targets = List.copyOf(targets);
        Objects.requireNonNull(listener, "listener");
        if (parallelism < 1) {
            throw new ModelKitException("parallelism must be at least 1, was " + parallelism);
        }
    }

    public static Builder builder(Path contextDir) {
        return new Builder(contextDir);
    }

    /** Options of a pack; defaults are kit's: no compression, the ModelKit form, now. */
    public static final class Builder {
        private final Path contextDir;
        private Path kitfile;
        private byte[] kitfileContent;
        private String kitfileName;
        private Compression compression = Compression.NONE;
        private PackFormat format = PackFormat.MODELKIT;
        private Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private int parallelism = defaultParallelism();
        private final List<Location> targets = new ArrayList<>();
        private ProgressListener listener = ProgressListener.NONE;

        private Builder(Path contextDir) {
            this.contextDir = contextDir;
        }

        /** Reads the Kitfile from this file instead of finding it in the context. */
        public Builder kitfile(Path file) {
            this.kitfile = file;
            return this;
        }

        /** Uses this Kitfile text (from standard input, say), named {@code name} in messages. */
        public Builder kitfileContent(byte[] content, String name) {
            this.kitfileContent = content.clone();
            this.kitfileName = name;
            return this;
        }

        public Builder compression(Compression value) {
            this.compression = value;
            return this;
        }

        public Builder format(PackFormat value) {
            this.format = value;
            return this;
        }

        /** The time recorded in the {@code created} annotation (whole seconds, as kit writes it). */
        public Builder created(Instant value) {
            this.created = value.truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /** How many layers are built at once. */
        public Builder parallelism(int value) {
            this.parallelism = value;
            return this;
        }

        /** A name to store the result under; none keeps it untagged. */
        public Builder target(Location value) {
            this.targets.add(value);
            return this;
        }

        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        /**
         * One layer per processor, but no more than the heap holds: each layer in flight keeps about
         * 6 MiB of buffers, and a pack must run in a 64 MiB heap on any machine.
         */
        static int defaultParallelism() {
            long perLayer = 16L << 20;
            long byHeap = Math.max(1, Runtime.getRuntime().maxMemory() / perLayer);
            return (int) Math.min(Runtime.getRuntime().availableProcessors(), byHeap);
        }

        public PackRequest build() {
            return new PackRequest(contextDir, kitfile, kitfileContent, kitfileName, compression, format, created,
                    parallelism, targets, listener);
        }
    }
}
