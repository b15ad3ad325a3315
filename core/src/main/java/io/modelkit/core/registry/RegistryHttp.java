package io.modelkit.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends calls to one registry: picks https or plain http, answers auth challenges, follows
 * redirects itself (so that Authorization never reaches another host) and retries 429, 500, 502,
 * 503, 504 and I/O errors with backoff.
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 5;

    private final String registry;
    private final HttpClient client;
    private final RegistryAuthenticator authenticator;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final boolean plainHttp;
    private final boolean loopback;
    private volatile URI base;

    RegistryHttp(String registry, HttpClient client, RegistryAuthenticator authenticator, RetryPolicy retryPolicy,
                 Duration requestTimeout, boolean plainHttp) {
        this.registry = registry;
        this.client = client;
        this.authenticator = authenticator;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.plainHttp = plainHttp;
        this.loopback = Loopback.is(registry);
    }

    String registry() {
        return registry;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@code /v2/...} on this registry, as an absolute URI. */
    URI uri(String pathAndQuery) {
        return base().resolve(pathAndQuery);
    }

    HttpResponse<byte[]> send(Call call) {
        return send(call, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends with retries; returns any final response, whatever its status. */
    <T> HttpResponse<T> send(Call call, BodyHandler<T> handler) {
        RetryPolicy.Attempts attempts = (call.retry ? retryPolicy : RetryPolicy.none()).start();
        while (true) {
            try {
                HttpResponse<T> response = sendAuthenticated(call, handler);
                if (RetryPolicy.isRetryable(response.statusCode()) && attempts.waitForNext(retryAfter(response))) {
                    discard(response);
                    continue;
                }
                return response;
            } catch (IOException e) {
                if (!attempts.waitForNext(null)) {
                    throw RegistryErrors.unreachable(registry, call.repository, call.reference, e);
                }
            }
        }
    }

    /** Sends once, without retries; I/O errors reach the caller, which knows how to resume. */
    <T> HttpResponse<T> sendOnce(Call call, BodyHandler<T> handler) throws IOException {
        return sendAuthenticated(call, handler);
    }

    private <T> HttpResponse<T> sendAuthenticated(Call call, BodyHandler<T> handler) throws IOException {
        Optional<String> authorization = authenticator.authorization(call);
        HttpResponse<T> response = sendFollowingRedirects(call, handler, authorization);
        if (response.statusCode() == 401) {
            Optional<AuthChallenge> challenge = AuthChallenge.parse(
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
            if (challenge.isPresent() && authenticator.answer(challenge.get(), call, authorization.isPresent())) {
                discard(response);
                response = sendFollowingRedirects(call, handler, authenticator.authorization(call));
            }
        }
        return response;
    }

    private <T> HttpResponse<T> sendFollowingRedirects(Call call, BodyHandler<T> handler, Optional<String> authorization)
            throws IOException {
        URI target = call.uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).method(call.method, call.body.open());
            call.headers.forEach(request::header);
            Duration timeout = call.timeout == null ? requestTimeout : call.timeout;
            if (!timeout.isZero()) {
                request.timeout(timeout);
            }
            if (authorization.isPresent() && sameOrigin(target)) {
                request.header("Authorization", authorization.get());
            }
            HttpResponse<T> response;
            try {
                response = client.send(request.build(), handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            int status = response.statusCode();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            Optional<String> location = response.headers().firstValue("Location");
            if (!redirect || location.isEmpty() || !(call.method.equals("GET") || call.method.equals("HEAD"))) {
                return response;
            }
            if (hop >= MAX_REDIRECTS) {
                discard(response);
                throw RegistryErrors.invalidResponse(registry, call.repository, call.reference,
                        "more than " + MAX_REDIRECTS + " redirects");
            }
            discard(response);
            target = target.resolve(location.get());
        }
    }

    /** Same scheme, host and port as the registry: the only place Authorization may go. */
    private boolean sameOrigin(URI target) {
        URI registryBase = base();
        return Objects.equals(target.getScheme(), registryBase.getScheme())
                && target.getHost() != null && target.getHost().equalsIgnoreCase(registryBase.getHost())
                && port(target) == port(registryBase);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private URI base() {
        URI known = base;
        if (known == null) {
            known = URI.create(chooseScheme() + "://" + registry + "/");
            base = known;
        }
        return known;
    }

    /**
     * https unless plain http was asked for; a loopback registry that does not speak TLS is reached
     * over plain http, as Docker does for local registries.
     */
    private String chooseScheme() {
        if (plainHttp) {
            return "http";
        }
        if (!loopback) {
            return "https";
        }
        HttpRequest probe = HttpRequest.newBuilder(URI.create("https://" + registry + "/v2/"))
                .timeout(requestTimeout.isZero() ? Duration.ofSeconds(10) : requestTimeout).GET().build();
        try {
            client.send(probe, HttpResponse.BodyHandlers.discarding());
            return "https";
        } catch (IOException e) {
            return speaksNoTls(e) ? "http" : "https";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "https";
        }
    }

    /**
     * An answer that is not TLS at all, as opposed to a TLS server whose certificate is not
     * trusted: that one must fail, never be downgraded to plain http.
     */
    private static boolean speaksNoTls(Throwable error) {
        boolean ssl = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException) {
                return false;
            }
            ssl |= cause instanceof SSLException;
        }
        return ssl;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get().trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException e) {
                // The connection is dropped with the stream; nothing else to release.
            }
        }
    }
}
