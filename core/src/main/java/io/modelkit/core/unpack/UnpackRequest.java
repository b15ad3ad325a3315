package io.modelkit.core.unpack;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What to unpack, where, and how existing files are treated; build one with {@link #builder}. */
public record UnpackRequest(Location source, Path targetDir, List<UnpackFilter> filters, boolean overwrite,
        boolean ignoreExisting, ProgressListener listener) {

    public UnpackRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetDir, "targetDir");
        filters = List.copyOf(filters);
        Objects.requireNonNull(listener, "listener");
    }

    public static Builder builder(Location source, Path targetDir) {
        return new Builder(source, targetDir);
    }

    /** Options of an unpack; by default everything is unpacked and existing files are an error. */
    public static final class Builder {
        private final Location source;
        private final Path targetDir;
        private final List<UnpackFilter> filters = new ArrayList<>();
        private boolean overwrite;
        private boolean ignoreExisting;
        private ProgressListener listener = ProgressListener.NONE;

        private Builder(Location source, Path targetDir) {
            this.source = source;
            this.targetDir = targetDir;
        }

        public Builder filter(UnpackFilter value) {
            filters.add(value);
            return this;
        }

        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        public Builder ignoreExisting(boolean value) {
            this.ignoreExisting = value;
            return this;
        }

        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        public UnpackRequest build() {
            return new UnpackRequest(source, targetDir, filters, overwrite, ignoreExisting, listener);
        }
    }
}
