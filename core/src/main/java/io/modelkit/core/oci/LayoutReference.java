package io.modelkit.core.oci;

import io.modelkit.core.ModelKitException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OCI image layout directory, optionally with the name of one of its manifests or a digest:
 * {@code oci:PATH}, {@code oci:PATH:NAME} or {@code oci:PATH@sha256:…}, as skopeo and oras write it.
 * PATH may be relative and ends at the first {@code :} (after a Windows drive letter). NAME is the
 * {@code org.opencontainers.image.ref.name} of an index entry, usually a tag.
 */
public record LayoutReference(Path path, String refName, Digest digest) implements Location {
    public static final String PREFIX = "oci:";

    // A tag, or the OCI image-layout ref.name grammar (which allows full references like host/repo:tag).
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final String COMPONENT = "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*";
    private static final Pattern REF_NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");

    public LayoutReference {
        Objects.requireNonNull(path, "path");
        if (refName != null && digest != null) {
            throw new ModelKitException("layout " + path + ": give a name or a digest, not both");
        }
        if (refName != null) {
            checkRefName(refName, path);
        }
    }

    /** The whole layout, without a name or digest. */
    public static LayoutReference of(Path path) {
        return new LayoutReference(path, null, null);
    }

    /** A named manifest in the layout. */
    public static LayoutReference of(Path path, String refName) {
        return new LayoutReference(path, refName, null);
    }

    /** Parses {@code oci:PATH[:NAME|@DIGEST]}; errors name the text and what is wrong. */
    public static LayoutReference parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new ModelKitException("invalid layout reference '" + text + "': expected oci:PATH[:TAG]");
        }
        try {
            return parseChecked(text.substring(PREFIX.length()));
        } catch (ModelKitException e) {
            throw new ModelKitException("invalid layout reference '" + text + "': " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new ModelKitException("invalid layout reference '" + text + "': bad path: " + e.getMessage(), e);
        }
    }

    private static LayoutReference parseChecked(String rest) {
        int at = rest.lastIndexOf('@');
        if (at >= 0 && rest.startsWith("sha256:", at + 1)) {
            return new LayoutReference(pathOf(rest.substring(0, at)), null, Digest.parse(rest.substring(at + 1)));
        }
        int searchFrom = WINDOWS_DRIVE.matcher(rest).matches() ? 2 : 0;
        int colon = rest.indexOf(':', searchFrom);
        if (colon < 0) {
            return new LayoutReference(pathOf(rest), null, null);
        }
        String name = rest.substring(colon + 1);
        if (name.isEmpty()) {
            throw new ModelKitException("empty tag after ':'");
        }
        return new LayoutReference(pathOf(rest.substring(0, colon)), name, null);
    }

    private static Path pathOf(String text) {
        if (text.isEmpty()) {
            throw new ModelKitException("missing layout directory path");
        }
        return Path.of(text);
    }

    private static void checkRefName(String name, Path path) {
        if (!TAG.matcher(name).matches() && !REF_NAME.matcher(name).matches()) {
            throw new ModelKitException("'" + name + "' is not a valid tag or image-layout ref name (layout " + path + ")");
        }
    }

    /** The ref name, if the location names one. */
    public Optional<String> name() {
        return Optional.ofNullable(refName);
    }

    @Override
    public String toString() {
        String base = PREFIX + path;
        if (refName != null) {
            return base + ":" + refName;
        }
        return digest != null ? base + "@" + digest : base;
    }
}
