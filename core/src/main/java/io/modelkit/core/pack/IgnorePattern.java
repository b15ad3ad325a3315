package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code .kitignore} pattern with Docker's {@code moby/patternmatcher} semantics: the same
 * classification into exact, prefix, suffix and regular-expression matches, and the same regular
 * expression text, translated from Go's RE2 dialect to {@link Pattern}.
 */
final class IgnorePattern {
    private static final String REGEX_SPECIALS = ".+()|{}$";
    private static final String GO_ESCAPE_LETTERS = "AbBdDsSwWzpPQEaftnrx";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("word", "Alnum_"), Map.entry("xdigit", "XDigit"));

    /** How patternmatcher matches a pattern: plain string tests where no regular expression is needed. */
    enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private final boolean exclusion;
    private final String cleaned;
    private final Kind kind;
    private final String goRegex;
    private final Pattern regex;

    private IgnorePattern(boolean exclusion, String cleaned, Kind kind, String goRegex, Pattern regex) {
        this.exclusion = exclusion;
        this.cleaned = cleaned;
        this.kind = kind;
        this.goRegex = goRegex;
        this.regex = regex;
    }

    /**
     * Compiles a pattern as {@code patternmatcher.New} does: trims, cleans, takes off a leading {@code !},
     * checks the glob syntax as Go's {@code filepath.Match} does, and builds the matcher.
     *
     * @return {@code null} for an empty pattern
     * @throws IllegalArgumentException with the reason, if the pattern is malformed
     */
    static IgnorePattern compile(String pattern) {
        String p = GoPaths.trimSpace(pattern);
        if (p.isEmpty()) {
            return null;
        }
        p = GoPaths.clean(p);
        boolean exclusion = false;
        if (p.charAt(0) == '!') {
            if (p.length() == 1) {
                throw new IllegalArgumentException("illegal exclusion pattern \"!\"");
            }
            exclusion = true;
            p = p.substring(1);
        }
        checkGlobSyntax(p);
        return build(exclusion, p);
    }

    boolean exclusion() {
        return exclusion;
    }

    Kind kind() {
        return kind;
    }

    /** The regular expression patternmatcher builds, in Go syntax; {@code null} unless matched by regex. */
    String goRegex() {
        return goRegex;
    }

    boolean matches(String path) {
        switch (kind) {
            case EXACT:
                return path.equals(cleaned);
            case PREFIX:
                return path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX:
                String suffix = cleaned.substring(2);
                // "**/foo" also matches "foo" itself
                return path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
            default:
                return regex.matcher(path).find();
        }
    }

    /** Go's {@code filepath.Match} rejects these patterns; patternmatcher asks it before anything else. */
    private static void checkGlobSyntax(String p) {
        int i = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '[') {
                i++;
                if (i < n && p.charAt(i) == '^') {
                    i++;
                }
                int ranges = 0;
                while (true) {
                    if (i < n && p.charAt(i) == ']' && ranges > 0) {
                        i++;
                        break;
                    }
                    i = classCharEnd(p, i);
                    if (p.charAt(i) == '-') {
                        i = classCharEnd(p, i + 1);
                    }
                    ranges++;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("syntax error in pattern: trailing backslash");
                }
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** Go's {@code getEsc}: one possibly escaped character of a class, which must not end the pattern. */
    private static int classCharEnd(String p, int i) {
        int n = p.length();
        if (i >= n || p.charAt(i) == '-' || p.charAt(i) == ']') {
            throw new IllegalArgumentException("syntax error in pattern: bad character class");
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= n) {
                throw new IllegalArgumentException("syntax error in pattern: trailing backslash");
            }
        }
        i += Character.charCount(p.codePointAt(i));
        if (i >= n) {
            throw new IllegalArgumentException("syntax error in pattern: unterminated character class");
        }
        return i;
    }

    private static IgnorePattern build(boolean exclusion, String p) {
        StringBuilder re = new StringBuilder("^");
        Kind kind = Kind.EXACT;
        int i = 0;
        int position = 0;
        int n = p.length();
        while (i < n) {
            int ch = p.codePointAt(i);
            i += Character.charCount(ch);
            if (ch == '*') {
                if (i < n && p.charAt(i) == '*') {
                    i++;
                    if (i < n && p.charAt(i) == '/') {
                        i++; // "**/" is "**"
                    }
                    if (i == n) {
                        if (kind == Kind.EXACT) {
                            kind = Kind.PREFIX;
                        } else {
                            re.append(".*");
                            kind = Kind.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        kind = Kind.REGEX;
                    }
                    if (position == 0) {
                        kind = Kind.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    kind = Kind.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (REGEX_SPECIALS.indexOf(ch) >= 0) {
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (i < n) {
                    int next = p.codePointAt(i);
                    i += Character.charCount(next);
                    re.append('\\').appendCodePoint(next);
                    kind = Kind.REGEX;
                } else {
                    re.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                kind = Kind.REGEX;
            } else {
                re.appendCodePoint(ch);
            }
            position++;
        }
        if (kind != Kind.REGEX) {
            return new IgnorePattern(exclusion, p, kind, null, null);
        }
        re.append('$');
        String goRegex = re.toString();
        try {
            return new IgnorePattern(exclusion, p, kind, goRegex, Pattern.compile(toJava(goRegex), Pattern.UNIX_LINES));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("syntax error in pattern: " + e.getDescription(), e);
        }
    }

    /**
     * Rewrites an RE2 expression whose meaning differs in Java: inside a class RE2 takes {@code [} and
     * {@code &} literally (Java nests and intersects) and a leading {@code ]} literally; {@code $} is the
     * end of text; {@code \v} is one character. Escapes RE2 rejects are rejected here too.
     */
    static String toJava(String go) {
        StringBuilder out = new StringBuilder(go.length() + 8);
        boolean inClass = false;
        int i = 0;
        int n = go.length();
        while (i < n) {
            char c = go.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new PatternSyntaxException("trailing backslash", go, i);
                }
                int next = go.codePointAt(i + 1);
                out.append(javaEscape(next, go, i));
                i += 1 + Character.charCount(next);
                continue;
            }
            if (!inClass) {
                if (c == '[') {
                    inClass = true;
                    out.append('[');
                    i++;
                    if (i < n && go.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < n && go.charAt(i) == ']') {
                        out.append("\\]");
                        i++;
                    }
                    continue;
                }
                out.append(c == '$' ? "\\z" : String.valueOf(c));
            } else if (c == ']') {
                inClass = false;
                out.append(']');
            } else if (c == '[') {
                int close = go.indexOf(":]", i + 2);
                String name = go.startsWith("[:", i) && close > 0 ? go.substring(i + 2, close) : null;
                boolean negated = name != null && name.startsWith("^");
                String javaName = name == null ? null : POSIX_CLASSES.get(negated ? name.substring(1) : name);
                if (javaName != null) {
                    out.append(javaName.equals("Alnum_") ? (negated ? "[^\\p{Alnum}_]" : "\\p{Alnum}_")
                            : (negated ? "\\P{" : "\\p{") + javaName + "}");
                    i = close + 2;
                    continue;
                }
                out.append("\\[");
            } else if (c == '&') {
                out.append("\\&");
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static String javaEscape(int c, String go, int index) {
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return "\\" + (char) c;
        }
        if (c == 'v') {
            return "\\x0B";
        }
        if (c < 0x80 && GO_ESCAPE_LETTERS.indexOf(c) >= 0) {
            return "\\" + (char) c;
        }
        throw new PatternSyntaxException("invalid escape sequence \\" + new String(Character.toChars(c)), go, index);
    }
}
