package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker token service for a {@link LocalRegistry} with {@code auth: token}: {@code GET
 * realm?service=…&scope=…} with Basic credentials answers {@code {"token", "access_token",
 * "expires_in"}}, an RS256 JWT signed with a test key whose self-signed certificate is the
 * registry's {@code rootcertbundle} and travels in the JWT header's {@code x5c}. Each user is
 * granted at most the actions it was given; it records every token request.
 */
final class TokenServer {
    static final String SERVICE = "modelkit-test-registry";
    static final String ISSUER = "modelkit-test-token-service";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One token request: the user (empty when anonymous) and the scopes asked for. */
    record Request(String user, List<String> scopes) {
    }

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Requests still to be answered with a token that grants pull only, whatever the user may do. */
    private final AtomicInteger pullOnlyGrants = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;
    private PrivateKey key;
    private String certificateBase64;
    private Path certificate;

    /** Lets {@code user} with {@code password} have {@code actions} (pull, push, delete) on every repository. */
    TokenServer user(String user, String password, String... actions) {
        passwords.put(user, password);
        allowed.put(user, new LinkedHashSet<>(List.of(actions)));
        return this;
    }

    /** The next {@code count} tokens grant pull only, as a stingy or misconfigured token service would. */
    void grantPullOnlyFor(int count) {
        pullOnlyGrants.set(count);
    }

    /** Creates the signing key and its certificate in {@code directory} and starts serving on 127.0.0.1. */
    void start(Path directory) throws IOException, InterruptedException {
        Path keyFile = directory.resolve("token.key");
        certificate = directory.resolve("token.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", keyFile.toString(), "-out", certificate.toString(), "-days", "2",
                "-subj", "/CN=modelkit test token signer")
                .redirectErrorStream(true).redirectOutput(directory.resolve("token-openssl.log").toFile()).start();
        if (openssl.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(directory.resolve("token-openssl.log")));
        }
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyFile, "PRIVATE KEY")));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
        certificateBase64 = Base64.getEncoder().encodeToString(pemBody(certificate, "CERTIFICATE"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "token-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/token", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** The realm URL the registry sends clients to. */
    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The PEM file of the signing certificate, the registry's {@code rootcertbundle}. */
    Path certificate() {
        return certificate;
    }

    /** Every token request so far, in order. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String user = "";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                String pair = authorization.startsWith("Basic ")
                        ? new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8) : ":";
                int colon = pair.indexOf(':');
                user = pair.substring(0, Math.max(colon, 0));
                String password = pair.substring(colon + 1);
                if (colon < 0 || !password.equals(passwords.get(user))) {
                    requests.add(new Request(user, query.getOrDefault("scope", List.of())));
                    // Docker Hub's answer to a wrong password.
                    respond(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                    return;
                }
            }
            List<String> scopes = query.getOrDefault("scope", List.of());
            requests.add(new Request(user, scopes));
            if (!SERVICE.equals(query.getOrDefault("service", List.of("")).get(0))) {
                respond(exchange, 400, "{\"details\":\"unknown service\"}");
                return;
            }
            boolean pullOnly = pullOnlyGrants.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            Set<String> mayDo = new LinkedHashSet<>(allowed.getOrDefault(user, Set.of()));
            if (pullOnly) {
                mayDo.retainAll(Set.of("pull"));
            }
            String token = sign(user, access(scopes, mayDo));
            respond(exchange, 200, MAPPER.writeValueAsString(Map.of("token", token, "access_token", token,
                    "expires_in", 300, "issued_at", Instant.now().toString())));
        }
    }

    /** The granted part of the requested scopes, as the JWT's {@code access} claim. */
    private static ArrayNode access(List<String> scopes, Set<String> mayDo) {
        ArrayNode access = MAPPER.createArrayNode();
        for (String scope : scopes) {
            for (String one : scope.split(" ")) {
                String[] parts = one.split(":");
                if (parts.length < 3) {
                    continue;
                }
                String name = String.join(":", List.of(parts).subList(1, parts.length - 1));
                ArrayNode actions = MAPPER.createArrayNode();
                for (String action : parts[parts.length - 1].split(",")) {
                    if (mayDo.contains(action)) {
                        actions.add(action);
                    }
                }
                ObjectNode entry = access.addObject();
                entry.put("type", parts[0]).put("name", name).set("actions", actions);
            }
        }
        return access;
    }

    private String sign(String user, ArrayNode access) throws IOException {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(certificateBase64);
        ObjectNode claims = MAPPER.createObjectNode()
                .put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        claims.set("access", access);
        String signingInput = base64Url(MAPPER.writeValueAsBytes(header)) + "." + base64Url(MAPPER.writeValueAsBytes(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static byte[] pemBody(Path file, String type) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalStateException(file + " holds no " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(start + type.length() + 16, end));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
