package io.modelkit.core.container;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a built image goes: a registry repository, an OCI layout, or an OCI archive file. */
public sealed interface ImageTarget {
    String TAR_PREFIX = "tar:";

    /** A registry reference, {@code host[:port]/repository[:tag]}. */
    record Registry(Reference reference) implements ImageTarget {
        @Override
        public String toString() {
            return reference.toString();
        }
    }

    /** {@code oci:DIR[:tag]}; the tag defaults to {@code latest}. */
    record Layout(LayoutReference layout) implements ImageTarget {
        @Override
        public String toString() {
            return layout.toString();
        }
    }

    /** {@code tar:FILE}: an OCI image layout in one tar file ({@code oci-archive:} for skopeo). */
    record Tar(Path file) implements ImageTarget {
        @Override
        public String toString() {
            return TAR_PREFIX + file;
        }
    }

    /** Parses what follows {@code --to}; the error names the text and the three accepted forms. */
    static ImageTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw badTarget(text, "it is empty");
        }
        if (text.startsWith(TAR_PREFIX)) {
            String file = text.substring(TAR_PREFIX.length());
            if (file.isEmpty()) {
                throw badTarget(text, "the file name is missing");
            }
            try {
                return new Tar(Path.of(file));
            } catch (InvalidPathException e) {
                throw badTarget(text, e.getMessage());
            }
        }
        try {
            Location location = Location.parse(text);
            if (location instanceof LayoutReference layout) {
                if (layout.digest() != null) {
                    throw badTarget(text, "a layout target takes a tag, not a digest");
                }
                return new Layout(layout.refName() == null ? LayoutReference.of(layout.path(), Reference.DEFAULT_TAG) : layout);
            }
            Reference reference = (Reference) location;
            if (reference.hasDefaultRegistry()) {
                throw badTarget(text, "it names no registry");
            }
            if (reference.isDigest()) {
                throw badTarget(text, "a registry target takes a tag, not a digest");
            }
            return new Registry(reference);
        } catch (ModelKitException e) {
            if (e.getMessage().startsWith("bad target")) {
                throw e;
            }
            throw badTarget(text, e.getMessage());
        }
    }

    private static ModelKitException badTarget(String text, String reason) {
        return new ModelKitException("bad target '" + text + "': " + reason
                + " (expected host[:port]/repository[:tag], oci:DIR[:tag] or tar:FILE)");
    }
}
