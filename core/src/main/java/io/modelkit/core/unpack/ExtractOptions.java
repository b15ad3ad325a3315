package io.modelkit.core.unpack;

import java.util.Objects;

/**
 * How files that already exist are treated, and where below the target directory entry names are
 * rooted.
 *
 * <p>Existing files follow {@code kit unpack}: with {@code ignoreExisting} they are kept and the
 * entry is skipped (this wins over {@code overwrite}, as in kit); with {@code overwrite} a regular
 * file is replaced; with neither the extraction fails naming the file. Existing directories are
 * always reused. An existing symbolic link is never written through.
 *
 * <p>{@code baseDir} is a relative directory under the target that entry names start from. It is
 * empty for every layer written by kit 0.5.0 and later, whose names are relative to the context
 * directory. Older layers named their entries relative to the parent of the layer path
 * ({@code m1.gguf} for layer {@code models/m1.gguf}); kit recognises such a ModelKit by its config
 * carrying no layer digests at all, and {@link Builder#legacyLayerPath(String)} derives the base
 * directory from the layer path.
 */
public record ExtractOptions(boolean overwrite, boolean ignoreExisting, String baseDir) {

    public ExtractOptions {
        Objects.requireNonNull(baseDir, "baseDir");
    }

    /** No overwriting, no skipping, names rooted at the target directory. */
    public static ExtractOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ExtractOptions}; every option starts off or empty. */
    public static final class Builder {
        private boolean overwrite;
        private boolean ignoreExisting;
        private String baseDir = "";

        private Builder() {
        }

        /** Replace existing regular files. */
        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        /** Keep existing files and skip their entries. */
        public Builder ignoreExisting(boolean value) {
            this.ignoreExisting = value;
            return this;
        }

        /** Root entry names at this relative directory under the target ({@code /}-separated). */
        public Builder baseDir(String value) {
            this.baseDir = Objects.requireNonNull(value, "baseDir");
            return this;
        }

        /**
         * Roots entry names at the parent of {@code layerPath}, the way a tar layer written before
         * kit 0.5.0 named them.
         */
        public Builder legacyLayerPath(String layerPath) {
            String path = layerPath.replaceAll("/+$", "");
            int slash = path.lastIndexOf('/');
            this.baseDir = slash < 0 ? "" : path.substring(0, slash);
            return this;
        }

        public ExtractOptions build() {
            return new ExtractOptions(overwrite, ignoreExisting, baseDir);
        }
    }
}
