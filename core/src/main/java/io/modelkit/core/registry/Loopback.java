package io.modelkit.core.registry;

import java.util.Locale;

/**
 * Whether a registry name is this machine: 127.0.0.0/8, ::1 or localhost, from the name alone. Such
 * registries are reached over plain HTTP when they offer no TLS, as Docker does for local registries.
 */
public final class Loopback {
    private Loopback() {
    }

    /** @param registry {@code host[:port]}, IPv6 hosts in brackets */
    public static boolean is(String registry) {
        String host = registry.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
            return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
