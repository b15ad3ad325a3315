package io.modelkit.core.kitfile;

/**
 * The parts of Go's {@code net/url} parsing that kit's path checks depend on: whether a Kitfile path
 * parses as a URL with a scheme or a host, and oras's registry check. Parse errors make kit treat the
 * text as a local path, so they are reported here as "no URL".
 */
final class GoUrl {
    /** The scheme (lower case, may be empty) and host of a parsed URL. */
    record Parsed(String scheme, String host) {
    }

    private GoUrl() {
    }

    /** Go's {@code url.Parse(text)}; null when Go returns an error. */
    static Parsed parse(String text) {
        if (containsControl(text)) {
            return null;
        }
        int hash = text.indexOf('#');
        String rest = hash >= 0 ? text.substring(0, hash) : text;
        if (hash >= 0 && !validEscapes(text.substring(hash + 1))) {
            return null;
        }
        String scheme = "";
        int schemeEnd = schemeEnd(rest);
        if (schemeEnd == 0) {
            return null; // "missing protocol scheme"
        }
        if (schemeEnd > 0) {
            scheme = rest.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(schemeEnd + 1);
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parsed(scheme, ""); // opaque, such as s3:bucket
            }
            int slash = rest.indexOf('/');
            String segment = slash >= 0 ? rest.substring(0, slash) : rest;
            if (segment.contains(":")) {
                return null; // "first path segment in URL cannot contain colon"
            }
        }
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            String path = slash >= 0 ? authority.substring(slash) : "";
            authority = slash >= 0 ? authority.substring(0, slash) : authority;
            host = parseAuthority(authority);
            if (host == null || !validEscapes(path)) {
                return null;
            }
        } else if (!validEscapes(rest)) {
            return null;
        }
        return new Parsed(scheme, host);
    }

    /** oras's registry check: {@code url.ParseRequestURI("dummy://" + registry).Host == registry}. */
    static boolean isHostUnchanged(String registry) {
        if (containsControl(registry)) {
            return false;
        }
        String authority = registry;
        if (authority.endsWith("?") && authority.indexOf('?') == authority.length() - 1) {
            authority = authority.substring(0, authority.length() - 1);
        } else if (authority.indexOf('?') >= 0) {
            authority = authority.substring(0, authority.indexOf('?'));
        }
        String host = parseAuthority(authority);
        return registry.equals(host);
    }

    /** The host of an authority ({@code user@host:port}), unescaped; null when Go rejects it. */
    private static String parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (host == null || at < 0) {
            return host;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                return null;
            }
        }
        return validEscapes(userinfo) ? host : null;
    }

    private static String parseHost(String host) {
        String colonPort;
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                return null;
            }
            colonPort = host.substring(close + 1);
        } else {
            int colon = host.lastIndexOf(':');
            colonPort = colon >= 0 ? host.substring(colon) : "";
        }
        if (!colonPort.isEmpty() && (colonPort.charAt(0) != ':'
                || !colonPort.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return null;
        }
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || hex(host.charAt(i + 1)) < 0 || hex(host.charAt(i + 2)) < 0) {
                    return null;
                }
                int value = hex(host.charAt(i + 1)) * 16 + hex(host.charAt(i + 2));
                if (value < 0x80 && !host.startsWith("%25", i)) {
                    return null; // Go only lets %-escapes of non-ASCII bytes into a host
                }
                unescaped.append((char) value);
                i += 2;
            } else if (c < 0x80 && !hostCharacter(c)) {
                return null;
            } else {
                unescaped.append(c);
            }
        }
        return unescaped.toString();
    }

    /** {@code shouldEscape(c, encodeHost) == false}: unreserved, sub-delims and the few Go lets into hosts. */
    private static boolean hostCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
    }

    /** Go's {@code getScheme}: the index of the ':' ending a valid scheme, 0 for a leading ':', -1 for none. */
    private static int schemeEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            return c == ':' ? i : -1;
        }
        return -1;
    }

    /** Every '%' is followed by two hex digits. */
    private static boolean validEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    private static boolean containsControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
