package io.modelkit.core.promote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on 127.0.0.1 in front of a plain-http registry that answers {@code PUT
 * /v2/<repo>/manifests/<reference>} with a chosen error when {@code reference} matches, the way a
 * registry with immutable tags refuses to move a tag; everything else is passed through, with
 * {@code Location} headers pointing back at the proxy. (The registry package's FaultProxy fails the
 * next requests whatever they are; here the refusal must hit one kind of request.)
 */
final class TagRejectingProxy implements AutoCloseable {
    private static final Pattern MANIFEST_PUT = Pattern.compile("/v2/(.+)/manifests/([^/?]+)");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final String upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Predicate<String> refused = reference -> false;
    private volatile int status;
    private volatile String body = "";

    TagRejectingProxy(String upstreamHost) throws IOException {
        this.upstream = upstreamHost;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on a manifest PUT whose reference matches is answered {@code status} with that error code. */
    void refuse(Predicate<String> reference, int status, String code, String message) {
        this.status = status;
        this.body = "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}";
        this.refused = reference;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            forward(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Matcher put = MANIFEST_PUT.matcher(path);
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            if (exchange.getRequestMethod().equals("PUT") && put.matches() && refused.test(put.group(2))) {
                byte[] error = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream
                    + exchange.getRequestURI())).method(exchange.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals(":status") || (HOP_BY_HOP.contains(lower) && !lower.equals("content-length"))) {
                    return;
                }
                values.forEach(value -> exchange.getResponseHeaders().add(name,
                        lower.equals("location") ? value.replace(upstream, host()) : value));
            });
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (!head) {
                exchange.getResponseHeaders().remove("Content-Length");
            }
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
            if (!head && answer.length > 0) {
                OutputStream out = exchange.getResponseBody();
                out.write(answer);
            }
        } catch (RuntimeException | IOException e) {
            // the client sees why, not a dropped connection
            byte[] error = ("{\"errors\":[{\"code\":\"PROXY\",\"message\":\"" + e + "\"}]}")
                    .replace("\\", "/").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
