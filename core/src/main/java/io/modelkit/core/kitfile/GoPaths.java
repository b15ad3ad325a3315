package io.modelkit.core.kitfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code path/filepath} and {@code strings.TrimSpace} on Linux, where kit runs: every Kitfile path
 * is compared, and every layer entry named, by these rules.
 */
public final class GoPaths {
    private GoPaths() {
    }

    /** {@code filepath.Clean}: the shortest equivalent path, "." for an empty one. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add("..");
                }
                continue;
            }
            parts.add(element);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    public static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    /** {@code filepath.IsLocal}: relative, non-empty, and not reaching above its starting point. */
    public static boolean isLocal(String path) {
        if (isAbs(path) || path.isEmpty()) {
            return false;
        }
        String cleaned = clean(path);
        return !cleaned.equals("..") && !cleaned.startsWith("../");
    }

    /** {@code filepath.Rel(base, target)}; null where Go returns an error. */
    public static String rel(String basePath, String targetPath) {
        String base = clean(basePath);
        String target = clean(targetPath);
        if (target.equals(base)) {
            return ".";
        }
        if (base.equals(".")) {
            base = "";
        }
        boolean baseSlashed = base.startsWith("/");
        boolean targetSlashed = target.startsWith("/");
        if (baseSlashed != targetSlashed) {
            return null;
        }
        int bl = base.length();
        int tl = target.length();
        int b0 = 0;
        int bi = 0;
        int t0 = 0;
        int ti = 0;
        while (true) {
            while (bi < bl && base.charAt(bi) != '/') {
                bi++;
            }
            while (ti < tl && target.charAt(ti) != '/') {
                ti++;
            }
            if (!target.substring(t0, ti).equals(base.substring(b0, bi))) {
                break;
            }
            if (bi < bl) {
                bi++;
            }
            if (ti < tl) {
                ti++;
            }
            b0 = bi;
            t0 = ti;
        }
        if (base.substring(b0, bi).equals("..")) {
            return null;
        }
        if (b0 != bl) {
            int separators = (int) base.substring(b0, bl).chars().filter(c -> c == '/').count();
            StringBuilder out = new StringBuilder("..");
            out.append("/..".repeat(separators));
            if (t0 != tl) {
                out.append('/').append(target, t0, tl);
            }
            return out.toString();
        }
        return target.substring(t0);
    }

    /** Go's {@code path.Dir}: everything but the last element, cleaned. */
    public static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** Go's {@code path.Join}: the non-empty elements joined by slashes, cleaned; empty if all are empty. */
    public static String join(String... elements) {
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

    /** Go's {@code strings.TrimSpace}: strips Unicode white space (which includes NBSP, unlike {@link String#strip()}). */
    public static String trimSpace(String s) {
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
