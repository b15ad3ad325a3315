package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.registry.auth.Credential;
import io.modelkit.core.registry.auth.CredentialProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers the registry's challenges: Basic with the credential, or Bearer tokens fetched from the
 * realm (with Basic credentials, or the OAuth2 refresh-token POST for identity tokens) and cached
 * per scope. Before the first challenge, requests go out anonymously.
 */
final class RegistryAuthenticator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long DEFAULT_TOKEN_SECONDS = 60;
    private static final String CLIENT_ID = "modelkit";

    private final String registry;
    private final CredentialProvider credentials;
    private final HttpClient client;
    private final Duration timeout;
    private final TokenCache tokens = new TokenCache(Clock.systemUTC());
    private volatile AuthChallenge challenge;

    RegistryAuthenticator(String registry, CredentialProvider credentials, HttpClient client, Duration timeout) {
        this.registry = registry;
        this.credentials = credentials;
        this.client = client;
        this.timeout = timeout;
    }

    /** The Authorization header for a call, from what earlier challenges taught us. */
    Optional<String> authorization(Call call) {
        AuthChallenge known = challenge;
        if (known == null) {
            return Optional.empty();
        }
        if (known.isBasic()) {
            return credential().map(RegistryAuthenticator::basic);
        }
        if (known.isBearer()) {
            return tokens.get(scopeKey(call.scopes)).map(token -> "Bearer " + token);
        }
        return Optional.empty();
    }

    /**
     * Learns from a 401 and prepares credentials for one more attempt. Returns false when there is
     * nothing new to try, so that the 401 stands.
     */
    boolean answer(AuthChallenge received, Call call, boolean hadAuthorization) {
        if (received.isBasic()) {
            challenge = received;
            return !hadAuthorization && credential().isPresent();
        }
        if (!received.isBearer() || received.realm().isEmpty()) {
            return false;
        }
        challenge = received;
        String key = scopeKey(call.scopes);
        if (hadAuthorization && !received.insufficientScope()) {
            // The token we sent was refused for another reason than its scope: a new one will not help.
            tokens.invalidate(key);
            return false;
        }
        List<String> wanted = new ArrayList<>(call.scopes);
        for (String scope : received.scope().split(" ")) {
            if (!scope.isBlank()) {
                wanted.add(scope);
            }
        }
        fetchToken(received, mergeScopes(wanted), key, call);
        return true;
    }

    private void fetchToken(AuthChallenge bearer, List<String> scopes, String key, Call call) {
        Optional<Credential> credential = credential();
        HttpRequest request;
        URI realm = URI.create(bearer.realm());
        if (credential.isPresent() && credential.get().identityToken()) {
            StringBuilder form = new StringBuilder("grant_type=refresh_token")
                    .append("&refresh_token=").append(encode(credential.get().secret()))
                    .append("&service=").append(encode(bearer.service()))
                    .append("&client_id=").append(CLIENT_ID)
                    .append("&scope=").append(encode(String.join(" ", scopes)));
            request = HttpRequest.newBuilder(realm).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        } else {
            StringBuilder query = new StringBuilder();
            if (!bearer.service().isEmpty()) {
                query.append("service=").append(encode(bearer.service()));
            }
            for (String scope : scopes) {
                query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
            }
            String separator = realm.getRawQuery() == null ? "?" : "&";
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(bearer.realm() + separator + query))
                    .timeout(timeout).GET();
            credential.ifPresent(c -> builder.header("Authorization", basic(c)));
            request = builder.build();
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw RegistryErrors.unreachable(registry, call.repository, call.reference,
                    new IOException("token service " + realm.getHost() + ": " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.unreachable(registry, call.repository, call.reference, new IOException("interrupted", e));
        }
        if (response.statusCode() != 200) {
            throw RegistryErrors.fromResponse(registry, call.repository, call.reference, response.statusCode(), response.body());
        }
        try {
            JsonNode json = MAPPER.readTree(response.body());
            String token = json.path("token").asText("");
            if (token.isEmpty()) {
                token = json.path("access_token").asText("");
            }
            if (token.isEmpty()) {
                throw RegistryErrors.invalidResponse(registry, call.repository, call.reference,
                        "token service " + realm.getHost() + " answered without a token");
            }
            long expiresIn = json.path("expires_in").asLong(DEFAULT_TOKEN_SECONDS);
            tokens.put(key, token, expiresIn <= 0 ? DEFAULT_TOKEN_SECONDS : expiresIn, null);
        } catch (IOException e) {
            throw RegistryErrors.invalidResponse(registry, call.repository, call.reference,
                    "token service " + realm.getHost() + " answered invalid JSON");
        }
    }

    private Optional<Credential> credential() {
        return credentials.credentialFor(registry);
    }

    private static String basic(Credential credential) {
        String pair = credential.username() + ":" + credential.secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One scope per resource with the union of its actions, sorted: registries list the actions of
     * a challenge in any order ({@code push,pull} or {@code pull,push}), and a token request must
     * not name the same repository twice.
     */
    static List<String> mergeScopes(List<String> scopes) {
        java.util.TreeMap<String, TreeSet<String>> actions = new java.util.TreeMap<>();
        for (String scope : scopes) {
            int last = scope.lastIndexOf(':');
            if (last <= 0) {
                actions.computeIfAbsent(scope, k -> new TreeSet<>());
                continue;
            }
            TreeSet<String> set = actions.computeIfAbsent(scope.substring(0, last), k -> new TreeSet<>());
            for (String action : scope.substring(last + 1).split(",")) {
                if (!action.isBlank()) {
                    set.add(action.trim());
                }
            }
        }
        List<String> merged = new ArrayList<>();
        actions.forEach((resource, set) -> merged.add(set.isEmpty() ? resource : resource + ":" + String.join(",", set)));
        return merged;
    }

    private static String scopeKey(List<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
