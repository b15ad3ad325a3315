package io.modelkit.core.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens by scope, kept until shortly before they expire. Thread-safe: blobs move in
 * parallel and share tokens.
 */
final class TokenCache {
    /** Tokens are dropped this early, so that none expires on its way to the registry. */
    private static final long MARGIN_SECONDS = 10;

    private final Clock clock;
    private final Map<String, Entry> tokens = new HashMap<>();

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    synchronized Optional<String> get(String scope) {
        Entry entry = tokens.get(scope);
        if (entry == null || !clock.instant().isBefore(entry.expires)) {
            tokens.remove(scope);
            return Optional.empty();
        }
        return Optional.of(entry.token);
    }

    /** Stores a token valid for {@code expiresInSeconds} from {@code issuedAt} (now when null). */
    synchronized void put(String scope, String token, long expiresInSeconds, Instant issuedAt) {
        Instant start = issuedAt == null ? clock.instant() : issuedAt;
        tokens.put(scope, new Entry(token, start.plusSeconds(Math.max(0, expiresInSeconds - MARGIN_SECONDS))));
    }

    synchronized void invalidate(String scope) {
        tokens.remove(scope);
    }

    private record Entry(String token, Instant expires) {
    }
}
