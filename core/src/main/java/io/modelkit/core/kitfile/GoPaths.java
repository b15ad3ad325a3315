package io.modelkit.core.kitfile;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath} on Linux, where kit's checks run: Clean, IsAbs, IsLocal and Rel. */
final class GoPaths {
    private GoPaths() {
    }

    /** {@code filepath.Clean}: the shortest equivalent path, "." for an empty one. */
    static String clean(String path) {
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

    static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    /** {@code filepath.IsLocal}: relative, non-empty, and not reaching above its starting point. */
    static boolean isLocal(String path) {
        if (isAbs(path) || path.isEmpty()) {
            return false;
        }
        String cleaned = clean(path);
        return !cleaned.equals("..") && !cleaned.startsWith("../");
    }

    /** {@code filepath.Rel(base, target)}; null where Go returns an error. */
    static String rel(String basePath, String targetPath) {
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
}
