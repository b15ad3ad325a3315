package io.modelkit.core.registry.auth;

import java.util.Objects;

/**
 * A user name and secret for one registry. The secret is a password, or an identity (refresh)
 * token when {@code identityToken} is set, as Docker's config stores it. It never appears in
 * {@link #toString()}, logs or exception messages.
 */
public record Credential(String username, String secret, boolean identityToken) {
    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    public static Credential password(String username, String password) {
        return new Credential(username, password, false);
    }

    public static Credential identityToken(String token) {
        return new Credential("<token>", token, true);
    }

    @Override
    public String toString() {
        return "Credential[username=" + username + ", secret=***]";
    }
}
