package io.modelkit.core.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the registry, with what errors and tokens need to know about it: the repository
 * and reference it concerns, and the token scopes it needs.
 */
final class Call {
    /** Creates a request body; called again for every attempt, so that retries resend it whole. */
    @FunctionalInterface
    interface Body {
        BodyPublisher open() throws IOException;
    }

    final String method;
    final URI uri;
    final Map<String, String> headers = new LinkedHashMap<>();
    Body body = BodyPublishers::noBody;
    String repository = "";
    String reference = "";
    List<String> scopes = List.of();
    boolean retry = true;
    Duration timeout;

    Call(String method, URI uri) {
        this.method = method;
        this.uri = uri;
    }

    Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Call body(Body newBody) {
        body = newBody;
        return this;
    }

    Call bytes(byte[] content) {
        body = () -> BodyPublishers.ofByteArray(content);
        return this;
    }

    /** Names the repository and reference in errors and asks for the repository scope of the method. */
    Call about(String newRepository, String newReference) {
        repository = newRepository;
        reference = newReference;
        scopes = List.of(scopeFor(newRepository, method));
        return this;
    }

    Call scopes(List<String> newScopes) {
        scopes = List.copyOf(newScopes);
        return this;
    }

    Call noRetry() {
        retry = false;
        return this;
    }

    Call timeout(Duration newTimeout) {
        timeout = newTimeout;
        return this;
    }

    /** The token scope distribution checks for {@code method}: pull for reads, push for writes. */
    static String scopeFor(String repository, String method) {
        String actions = switch (method) {
            case "GET", "HEAD" -> "pull";
            case "DELETE" -> "delete";
            default -> "pull,push";
        };
        return "repository:" + repository + ":" + actions;
    }
}
