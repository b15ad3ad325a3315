package io.modelkit.core.pack;

/**
 * Go's {@code path.Clean}, {@code path.Dir} and {@code strings.TrimSpace} for slash-separated paths.
 * Kit cleans every layer path, walk path and ignore pattern with these functions, and prefix checks
 * compare the cleaned strings, so ours must give identical strings.
 */
public final class GoPaths {
    private GoPaths() {
    }

    /** Go's {@code path.Clean}: the shortest equivalent path, {@code "."} when empty. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r++));
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** Go's {@code path.Dir}: everything but the last element, cleaned. */
    static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** Go's {@code path.Join}: the non-empty elements joined by slashes, cleaned; empty if all are empty. */
    static String join(String... elements) {
        StringBuilder joined = new StringBuilder();
        for (String element : elements) {
            if (!element.isEmpty()) {
                if (joined.length() > 0) {
                    joined.append('/');
                }
                joined.append(element);
            }
        }
        return joined.length() == 0 ? "" : clean(joined.toString());
    }

    /** Orders names by their UTF-8 bytes, as Go's {@code sort.Strings} orders directory entries. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb); // code point order is UTF-8 byte order
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Go's {@code strings.TrimSpace}: strips Unicode white space (which includes NBSP, unlike {@link String#strip()}). */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        if (c <= 0xFF) {
            return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0;
        }
        return Character.isSpaceChar(c);
    }
}
