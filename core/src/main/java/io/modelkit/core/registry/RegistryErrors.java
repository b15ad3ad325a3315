package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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

    static RegistryException fromResponse(String registry, String repository, String reference, int status, byte[] body) {
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
        return new RegistryException(kindOf(status), registry, repository, reference, status, code, message,
                where(registry, repository, reference) + ": " + message + " (" + detail + ")", null);
    }

    static RegistryException unreachable(String registry, String repository, String reference, IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new RegistryException(RegistryException.Kind.UNAVAILABLE, registry, repository, reference, 0, "", "",
                where(registry, repository, reference) + ": registry not reachable: " + reason, cause);
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
