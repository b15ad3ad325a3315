package io.modelkit.core.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code WWW-Authenticate} header: {@code Basic realm="…"} or
 * {@code Bearer realm="…",service="…",scope="…"[,error="insufficient_scope"]}.
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    boolean isBearer() {
        return "bearer".equals(scheme);
    }

    boolean isBasic() {
        return "basic".equals(scheme);
    }

    String realm() {
        return parameters.getOrDefault("realm", "");
    }

    String service() {
        return parameters.getOrDefault("service", "");
    }

    /** The scope the registry asked for; several scopes are separated by spaces. */
    String scope() {
        return parameters.getOrDefault("scope", "");
    }

    boolean insufficientScope() {
        return "insufficient_scope".equals(parameters.get("error"));
    }

    /** Parses the first challenge of a header value; empty when the value has no scheme. */
    static Optional<AuthChallenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String text = header.trim();
        int space = text.indexOf(' ');
        String scheme = space < 0 ? text : text.substring(0, space);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < text.length()) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.putIfAbsent(key, value.toString().trim());
        }
        return Optional.of(new AuthChallenge(scheme, parameters));
    }
}
