package io.modelkit.core.registry.auth;

import java.util.Locale;
import java.util.Set;

/**
 * How Docker matches a registry host ({@code host[:port]}) with the keys of a config file: a key
 * may be the bare host, a URL such as {@code https://host} or {@code https://host/v1/}, and Docker
 * Hub, whatever name the reference used, is always stored under {@link #DOCKER_HUB_KEY}.
 */
final class RegistryHost {
    /** The key Docker, podman and oras use for Docker Hub in config files and credential helpers. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_NAMES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private RegistryHost() {
    }

    static boolean isDockerHub(String host) {
        return DOCKER_HUB_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The key {@code docker login} writes for {@code host}, also the server URL sent to helpers. */
    static String configKey(String host) {
        return isDockerHub(host) ? DOCKER_HUB_KEY : host;
    }

    /** The host part of a config key: the scheme and any path removed, as Docker's ConvertToHostname does. */
    static String hostnameOf(String key) {
        String stripped = key;
        if (stripped.startsWith("http://")) {
            stripped = stripped.substring("http://".length());
        } else if (stripped.startsWith("https://")) {
            stripped = stripped.substring("https://".length());
        }
        int slash = stripped.indexOf('/');
        return slash < 0 ? stripped : stripped.substring(0, slash);
    }

    /** Whether the path after the host names a whole registry (none, or an API version) rather than a repository. */
    static boolean namesWholeRegistry(String key) {
        String withoutScheme = key.replaceFirst("^https?://", "");
        int slash = withoutScheme.indexOf('/');
        String path = slash < 0 ? "" : withoutScheme.substring(slash);
        return path.isEmpty() || path.equals("/") || path.matches("/v[12]/?");
    }

    /** Whether config key {@code key} is for registry {@code host}. */
    static boolean matches(String key, String host) {
        String keyHost = hostnameOf(key);
        if (isDockerHub(host)) {
            return isDockerHub(keyHost);
        }
        return keyHost.equalsIgnoreCase(host);
    }

    /** Rejects what cannot be a registry host, so that a typo never becomes a config key or a helper argument. */
    static String requireValid(String host) {
        if (host == null || host.isBlank() || host.contains("/") || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a registry host (host[:port] expected): '" + host + "'");
        }
        return host;
    }
}
