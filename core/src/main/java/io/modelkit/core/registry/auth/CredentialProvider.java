package io.modelkit.core.registry.auth;

import java.util.Optional;

/**
 * Where the registry client finds credentials for a registry host ({@code host[:port]}, as in a
 * reference). Empty means anonymous access.
 */
@FunctionalInterface
public interface CredentialProvider {
    /** No credentials anywhere: every registry is accessed anonymously. */
    CredentialProvider ANONYMOUS = registry -> Optional.empty();

    Optional<Credential> credentialFor(String registry);
}
