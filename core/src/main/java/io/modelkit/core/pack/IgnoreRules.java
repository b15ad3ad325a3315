package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.ModelKitException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exclusion rules of a {@code .kitignore} file, with the semantics of Docker's
 * {@code moby/patternmatcher} that kit uses: a path is excluded when it or any of its parent
 * directories matches the last applicable pattern, {@code !pattern} re-includes, and {@code *},
 * {@code ?}, {@code **} and {@code [...]} work as in {@code .dockerignore}.
 *
 * <p>As in kit, the rules always end with {@code Kitfile}, {@code kitfile}, {@code .kitfile} and
 * {@code .kitignore}, so those names at the top of the context are never packed, even with
 * {@link #none()}. Like those patterns, every pattern is relative to the context directory.
 */
public final class IgnoreRules {
    private static final List<String> ALWAYS_EXCLUDED = List.of("Kitfile", "kitfile", ".kitfile", ".kitignore");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<IgnorePattern> patterns;
    private final boolean exceptions;

    private IgnoreRules(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exceptions = patterns.stream().anyMatch(IgnorePattern::exclusion);
    }

    /**
     * Reads the text of an ignore file as kit does: a leading byte order mark is dropped, lines whose
     * first character is {@code #} are comments, patterns are trimmed and cleaned, and a leading
     * {@code /} is dropped.
     *
     * @param kitignoreText the file's text
     * @param sourceName the file's name for error messages, such as {@code .kitignore}
     * @throws ModelKitException naming the file and line of a malformed pattern
     */
    public static IgnoreRules parse(String kitignoreText, String sourceName) {
        List<IgnorePattern> patterns = new ArrayList<>();
        String[] lines = kitignoreText.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (index == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String pattern = normalize(line);
            if (pattern == null) {
                continue;
            }
            try {
                IgnorePattern compiled = IgnorePattern.compile(pattern);
                if (compiled != null) {
                    patterns.add(compiled);
                }
            } catch (IllegalArgumentException e) {
                throw new ModelKitException(sourceName + " line " + (index + 1) + ": invalid pattern '"
                        + GoPaths.trimSpace(line) + "': " + e.getMessage(), e);
            }
        }
        addAlwaysExcluded(patterns);
        return new IgnoreRules(patterns);
    }

    /** Rules without a {@code .kitignore}: only the Kitfile names and {@code .kitignore} are excluded. */
    public static IgnoreRules none() {
        List<IgnorePattern> patterns = new ArrayList<>();
        addAlwaysExcluded(patterns);
        return new IgnoreRules(patterns);
    }

    /**
     * Whether a context-relative, slash-separated path is excluded: it or one of its parents matches.
     * The path is trimmed and cleaned first, as kit does, so {@code ./a/b/} is {@code a/b}.
     */
    public boolean matches(String relPath) {
        String path = GoPaths.clean(GoPaths.trimSpace(relPath));
        String parent = GoPaths.dir(path);
        List<String> parents = parent.equals(".") ? List.of() : parentPrefixes(parent);
        boolean matched = false;
        for (IgnorePattern pattern : patterns) {
            // an inclusion cannot change an excluded path, nor an exception an included one
            if (pattern.exclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(path);
            for (int i = 0; !match && i < parents.size(); i++) {
                match = pattern.matches(parents.get(i));
            }
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /**
     * Whether any pattern starts with {@code !}. Without exceptions an excluded directory is skipped
     * whole; with them its contents must still be visited, since one of them may be re-included.
     */
    public boolean hasExceptions() {
        return exceptions;
    }

    /** Applies {@code ignorefile.ReadAll}'s per-line rules; {@code null} for comments and blank lines. */
    private static String normalize(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        String pattern = GoPaths.trimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = GoPaths.trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPaths.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return invert ? "!" + pattern : pattern;
    }

    private static void addAlwaysExcluded(List<IgnorePattern> patterns) {
        for (String name : ALWAYS_EXCLUDED) {
            patterns.add(IgnorePattern.compile(name));
        }
    }

    /** {@code a}, {@code a/b}, {@code a/b/c} for {@code a/b/c}: the parents patternmatcher tries in turn. */
    private static List<String> parentPrefixes(String parent) {
        List<String> prefixes = new ArrayList<>();
        int slash = parent.indexOf('/');
        while (slash >= 0) {
            prefixes.add(parent.substring(0, slash));
            slash = parent.indexOf('/', slash + 1);
        }
        prefixes.add(parent);
        return prefixes;
    }
}
