package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a failed response into a {@link RegistryException}, reading the registry's
 * {@code {"errors":[{"code","message","detail"}]}} body when there is one.
 */
final class RegistryErrors {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Error bodies are short; a longer body is an HTML page from a proxy and not worth quoting. */
    private static final int MAX_QUOTED_BODY = 200;

    private RegistryErrors() {
    }

    /** {@code registry/repository:tag}, {@code registry/repository@sha256:…} or {@code registry/repository}. */
    static String where(String registry, String repository, String reference) {
        StringBuilder text = new StringBuilder(registry);
        if (!repository.isEmpty()) {
            text.append('/').append(repository);
        }
        if (!reference.isEmpty()) {
            text.append(reference.contains(":") ? '@' : ':').append(reference);
        }
        return text.toString();
    }

    /**
     * Like {@link #fromResponse(String, String, String, int, byte[])}, but a 401 whose challenge says
     * {@code insufficient_scope} is a denial: the token was fine, it just does not grant the action.
     */
    static RegistryException fromResponse(String registry, String repository, String reference,
                                          HttpResponse<?> response, byte[] body) {
        Optional<AuthChallenge> challenge = response.statusCode() == 401
                ? AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null)) : Optional.empty();
        if (challenge.isPresent() && challenge.get().isBearer() && challenge.get().insufficientScope()) {
            String scope = challenge.get().scope();
            String denial = scope.isEmpty() ? "access denied: the credentials do not grant this action"
                    : "access denied: the credentials do not grant " + scope;
            return fromResponse(RegistryException.Kind.DENIED, denial, registry, repository, reference, 401, body);
        }
        return fromResponse(registry, repository, reference, response.statusCode(), body);
    }

    static RegistryException fromResponse(String registry, String repository, String reference, int status, byte[] body) {
        return fromResponse(kindOf(status), null, registry, repository, reference, status, body);
    }

    /** {@code replacement}, when not null, replaces the registry's message in the exception's message. */
    private static RegistryException fromResponse(RegistryException.Kind kind, String replacement, String registry,
                                                  String repository, String reference, int status, byte[] body) {
        String code = "";
        String message = "";
        if (body != null && body.length > 0) {
            try {
                JsonNode errors = MAPPER.readTree(body).path("errors");
                if (errors.isArray() && !errors.isEmpty()) {
                    code = errors.get(0).path("code").asText("");
                    message = errors.get(0).path("message").asText("");
                }
            } catch (IOException e) {
                String text = new String(body, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty() && text.length() <= MAX_QUOTED_BODY && text.indexOf('\n') < 0) {
                    message = text;
                }
            }
        }
        if (message.isEmpty()) {
            message = defaultMessage(status);
        }
        String detail = code.isEmpty() ? "HTTP " + status : code + ", HTTP " + status;
        String shown = replacement == null ? message : replacement;
        return new RegistryException(kind, registry, repository, reference, status, code, message,
                where(registry, repository, reference) + ": " + shown + " (" + detail + ")", null);
    }

    static RegistryException unreachable(String registry, String repository, String reference, IOException cause) {
        return new RegistryException(RegistryException.Kind.UNAVAILABLE, registry, repository, reference, 0, "", "",
                where(registry, repository, reference) + ": registry not reachable: " + reason(cause), cause);
    }

    /** The JDK's HTTP client wraps the reason ("Connection refused") in a cause of a message-less exception. */
    private static String reason(IOException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return error instanceof java.net.ConnectException ? "connection refused" : error.getClass().getSimpleName();
    }

    static RegistryException invalidResponse(String registry, String repository, String reference, String problem) {
        return new RegistryException(RegistryException.Kind.INVALID_RESPONSE, registry, repository, reference, 0, "", "",
                where(registry, repository, reference) + ": " + problem, null);
    }

    private static RegistryException.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> RegistryException.Kind.UNAUTHORIZED;
            case 403 -> RegistryException.Kind.DENIED;
            case 404 -> RegistryException.Kind.NOT_FOUND;
            case 429 -> RegistryException.Kind.TOO_MANY_REQUESTS;
            default -> status >= 500 ? RegistryException.Kind.UNAVAILABLE : RegistryException.Kind.REFUSED;
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 401 -> "authentication required";
            case 403 -> "access denied";
            case 404 -> "not found";
            case 429 -> "too many requests";
            default -> status >= 500 ? "registry error" : "request refused";
        };
    }
}
