package io.modelkit.core.oci;

import io.modelkit.core.ModelKitException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ModelKit reference in kit's grammar, {@code [host[:port]/]repo[:tag|@digest][,tag…]}.
 * <ul>
 *   <li>The first path segment is the registry only if it contains {@code .} or {@code :} or is
 *       {@code localhost}; otherwise the registry is {@value #DEFAULT_REGISTRY}.</li>
 *   <li>Without a tag or digest the tag is {@value #DEFAULT_TAG}; with a digest any tag is dropped,
 *       as kit does, so exactly one of {@link #tag()} and {@link #digest()} is non-null.</li>
 *   <li>A bare {@code sha256:…} means {@code localhost/_@sha256:…}.</li>
 *   <li>{@code repo:t1,t2,t3} names extra tags, kept in {@link #extraTags()}.</li>
 * </ul>
 */
public record Reference(String registry, String repository, String tag, Digest digest, List<String> extraTags)
        implements Location {
    public static final String DEFAULT_REGISTRY = "localhost";
    /** The repository kit gives a ModelKit referenced only by digest. */
    public static final String DEFAULT_REPOSITORY = "_";
    public static final String DEFAULT_TAG = "latest";

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    // The OCI distribution-spec repository name grammar.
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
    private static final Pattern BARE_DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

    public Reference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        extraTags = extraTags == null ? List.of() : List.copyOf(extraTags);
        if (!REGISTRY.matcher(registry).matches()) {
            throw new ModelKitException("invalid registry '" + registry + "': expected host[:port]");
        }
        checkRepository(repository, digest != null);
        if ((tag == null) == (digest == null)) {
            throw new ModelKitException("a reference to " + registry + "/" + repository + " needs exactly one of tag and digest");
        }
        if (tag != null) {
            checkTag(tag);
        }
        extraTags.forEach(Reference::checkTag);
    }

    /** A tagged reference. */
    public static Reference of(String registry, String repository, String tag) {
        return new Reference(registry, repository, tag, null, List.of());
    }

    /** A reference pinned to a digest. */
    public static Reference of(String registry, String repository, Digest digest) {
        return new Reference(registry, repository, null, digest, List.of());
    }

    /**
     * Parses kit's reference grammar. Errors name the reference and what is wrong with it, e.g.
     * {@code invalid reference 'Org/Model:1': repository 'Org/Model' must be lowercase}.
     */
    public static Reference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ModelKitException("invalid reference '" + (text == null ? "" : text) + "': reference is empty");
        }
        try {
            return parseChecked(text);
        } catch (ModelKitException e) {
            throw new ModelKitException("invalid reference '" + text + "': " + e.getMessage(), e);
        }
    }

    private static Reference parseChecked(String text) {
        if (BARE_DIGEST.matcher(text).matches()) {
            return of(DEFAULT_REGISTRY, DEFAULT_REPOSITORY, Digest.parse(text));
        }
        List<String> parts = Arrays.asList(text.split(",", -1));
        String rest = parts.get(0);
        List<String> extraTags = new ArrayList<>(parts.subList(1, parts.size()));
        for (String extra : extraTags) {
            if (extra.isEmpty()) {
                throw new ModelKitException("empty tag in the comma-separated tag list");
            }
        }
        String registry = DEFAULT_REGISTRY;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals(DEFAULT_REGISTRY)) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
            String repository = rest.substring(0, at);
            int colon = repository.indexOf(':');
            if (colon >= 0) {
                repository = repository.substring(0, colon); // kit ignores a tag next to a digest
            }
            return new Reference(registry, repository, null, Digest.parse(rest.substring(at + 1)), extraTags);
        }
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            return new Reference(registry, rest.substring(0, colon), rest.substring(colon + 1), null, extraTags);
        }
        return new Reference(registry, rest, DEFAULT_TAG, null, extraTags);
    }

    private static void checkRepository(String repository, boolean pinned) {
        if (repository.isEmpty()) {
            throw new ModelKitException("repository name is empty");
        }
        if (pinned && DEFAULT_REPOSITORY.equals(repository)) {
            return;
        }
        if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
            throw new ModelKitException("repository '" + repository + "' must be lowercase");
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new ModelKitException("repository '" + repository + "' is not a valid repository name: each "
                    + "'/'-separated component must start and end with a letter or digit and use only a-z, 0-9 and "
                    + "single '.', '_', '__' or '-' separators");
        }
    }

    private static void checkTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new ModelKitException("tag '" + tag + "' is not valid: expected 1 to 128 of [A-Za-z0-9_.-], "
                    + "not starting with '.' or '-'");
        }
    }

    /** Whether the reference is pinned to a digest rather than a tag. */
    public boolean isDigest() {
        return digest != null;
    }

    /** The tag, or the digest's text: what the registry API calls the reference. */
    public String reference() {
        return digest != null ? digest.toString() : tag;
    }

    /** {@code registry/repository}. */
    public String repositoryName() {
        return registry + "/" + repository;
    }

    /** The main tag (if any) followed by the extra tags. */
    public List<String> tags() {
        List<String> all = new ArrayList<>();
        if (tag != null) {
            all.add(tag);
        }
        all.addAll(extraTags);
        return List.copyOf(all);
    }

    /** One reference per tag in {@link #tags()}, each without extra tags. */
    public List<Reference> taggedReferences() {
        return tags().stream().map(this::withTag).toList();
    }

    /** The same repository with {@code newTag} and no digest or extra tags. */
    public Reference withTag(String newTag) {
        return new Reference(registry, repository, newTag, null, List.of());
    }

    /** The same repository pinned to {@code newDigest}, without tags. */
    public Reference withDigest(Digest newDigest) {
        return new Reference(registry, repository, null, newDigest, List.of());
    }

    /** Whether the registry is the placeholder {@value #DEFAULT_REGISTRY} kit uses for local-only kits. */
    public boolean hasDefaultRegistry() {
        return DEFAULT_REGISTRY.equals(registry);
    }

    /** Kit's display form: without {@code localhost/} and the {@code _} placeholder repository. */
    public String displayName() {
        String text = toString();
        if (text.startsWith(DEFAULT_REGISTRY + "/")) {
            text = text.substring(DEFAULT_REGISTRY.length() + 1);
        }
        if (text.startsWith(DEFAULT_REPOSITORY)) {
            text = text.substring(DEFAULT_REPOSITORY.length());
        }
        return text.startsWith("@") ? text.substring(1) : text;
    }

    /** {@code registry/repository:tag} or {@code registry/repository@digest}; extra tags are not included. */
    @Override
    public String toString() {
        return repositoryName() + (digest != null ? "@" + digest : ":" + tag);
    }
}
