package io.modelkit.core.oci;

/**
 * Where a ModelKit lives: a registry-style {@link Reference} ({@code [host[:port]/]repo[:tag|@digest]},
 * kept in the local store or in a registry) or an OCI image layout directory
 * ({@link LayoutReference}, {@code oci:PATH[:TAG]}, the skopeo and oras convention).
 */
public sealed interface Location permits Reference, LayoutReference {

    /** Parses {@code oci:PATH[:TAG|@DIGEST]} as a layout and anything else as a reference. */
    static Location parse(String text) {
        if (text != null && text.startsWith(LayoutReference.PREFIX)) {
            return LayoutReference.parse(text);
        }
        return Reference.parse(text);
    }

    /** The digest this location pins, or {@code null} when it names a tag or nothing. */
    Digest digest();

    /** The full text form, which {@link #parse} reads back. */
    @Override
    String toString();
}
