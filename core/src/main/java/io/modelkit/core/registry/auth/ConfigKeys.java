package io.modelkit.core.registry.auth;

import java.util.Optional;

/**
 * Picks the key of a config map ({@code auths} or {@code credHelpers}) that applies to a registry
 * host: Docker's exact key first, then a key for the whole registry in another spelling
 * ({@code https://host}, {@code https://host/v1/}), then a repository-scoped key as podman writes
 * them ({@code host/namespace}), each in file order.
 */
final class ConfigKeys {
    private ConfigKeys() {
    }

    static Optional<String> find(Iterable<String> keys, String host) {
        String exact = RegistryHost.configKey(host);
        String scoped = null;
        String whole = null;
        for (String key : keys) {
            if (key.equals(exact)) {
                return Optional.of(key);
            }
            if (!RegistryHost.matches(key, host)) {
                continue;
            }
            if (RegistryHost.namesWholeRegistry(key)) {
                whole = whole == null ? key : whole;
            } else {
                scoped = scoped == null ? key : scoped;
            }
        }
        return Optional.ofNullable(whole != null ? whole : scoped);
    }
}
