package io.modelkit.core.bom;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The package URL of a ModelKit under the purl {@code oci} type:
 * {@code pkg:oci/<name>@sha256%3A<hex>?repository_url=<registry>/<repository>[&tag=<tag>]}. The name is
 * the last segment of the repository, lowercased; the version is the manifest digest. Kit's placeholder
 * registry {@code localhost} names no place to fetch from, so it gets no {@code repository_url}.
 */
final class OciPurl {
    private OciPurl() {
    }

    static String of(Reference reference, Digest manifest) {
        String repository = reference.repository();
        String name = repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        StringBuilder purl = new StringBuilder("pkg:oci/").append(encode(name, false))
                .append('@').append(encode(manifest.toString(), false));
        // qualifiers in the canonical order: sorted by key
        String separator = "?";
        if (!reference.hasDefaultRegistry()) {
            purl.append(separator).append("repository_url=").append(encode(reference.repositoryName(), true));
            separator = "&";
        }
        if (reference.tag() != null) {
            purl.append(separator).append("tag=").append(encode(reference.tag(), false));
        }
        return purl.toString();
    }

    /**
     * Percent-encodes all but letters, digits and {@code .-_~}; a repository URL keeps its {@code /} and the
     * {@code :} of a port, as the purl type's examples write them. The version's {@code :} is encoded, as the
     * {@code oci} type's examples ({@code sha256%3A...}) and the common purl libraries do.
     */
    private static String encode(String text, boolean repositoryUrl) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '~' || repositoryUrl && (c == '/' || c == ':');
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
