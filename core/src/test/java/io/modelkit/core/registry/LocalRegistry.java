package io.modelkit.core.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real CNCF distribution registry (Debian's {@code docker-registry}) on a free 127.0.0.1 port,
 * with its own temporary storage, started before a test class and stopped after it. Register it
 * with {@code @RegisterExtension static final LocalRegistry REGISTRY = new LocalRegistry();}.
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback {
    private static final String BINARY = "/usr/bin/docker-registry";

    private final String user;
    private final String password;
    private final TokenServer tokenServer;
    private Path directory;
    private Process process;
    private int port;

    /** A plain-http registry without authentication. */
    public LocalRegistry() {
        this(null, null);
    }

    private LocalRegistry(String user, String password) {
        this(user, password, null);
    }

    private LocalRegistry(String user, String password, TokenServer tokenServer) {
        this.user = user;
        this.password = password;
        this.tokenServer = tokenServer;
    }

    /**
     * A plain-http registry with {@code auth: token}: it trusts tokens that {@code tokenServer}
     * signs and sends clients to its realm. The registry starts and stops the token server.
     */
    static LocalRegistry withTokenAuth(TokenServer tokenServer) {
        return new LocalRegistry(null, null, tokenServer);
    }

    /**
     * A registry on https, with a certificate for 127.0.0.1 from a CA generated for the test (see
     * {@link #caCertificate()}), that asks for {@code user} and {@code password} (htpasswd Basic).
     */
    public static LocalRegistry withTlsAndBasicAuth(String user, String password) {
        return new LocalRegistry(user, password);
    }

    /** The PEM file of the CA that signed the server certificate (TLS variant only). */
    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    /** {@code 127.0.0.1:PORT}, the registry part of a reference. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The registry's storage directory. */
    Path storage() {
        return directory.resolve("storage");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("registry-test");
        port = freePort();
        Path config = directory.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: local-test-secret
                """.formatted(storage(), port) + (user == null ? "" : secured()) + tokenAuth(),
                StandardCharsets.UTF_8);
        process = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        awaitReady();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
        if (tokenServer != null) {
            tokenServer.stop();
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Starts the token server and returns the config lines that make the registry trust it. */
    private String tokenAuth() throws IOException, InterruptedException {
        if (tokenServer == null) {
            return "";
        }
        tokenServer.start(directory);
        return """
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(tokenServer.realm(), TokenServer.SERVICE, TokenServer.ISSUER, tokenServer.certificate());
    }

    /** Creates the CA, the server certificate and the htpasswd file; returns the config lines. */
    private String secured() throws IOException, InterruptedException {
        Files.writeString(directory.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=modelkit test CA");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.cnf");
        // distribution reads bcrypt hashes only; Python's crypt module makes them without extra packages.
        String hash = run("python3", "-W", "ignore", "-c",
                "import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))", password).strip();
        Files.writeString(directory.resolve("htpasswd"), user + ":" + hash + "\n");
        return """
                  tls:
                    certificate: %s
                    key: %s
                auth:
                  htpasswd:
                    realm: modelkit-test
                    path: %s
                """.formatted(directory.resolve("server.pem"), directory.resolve("server.key"), directory.resolve("htpasswd"));
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(directory.resolve("tool.log").toFile()).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(directory.resolve("tool.log")));
        }
        return output;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(directory.resolve("registry.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                connection.setConnectTimeout(500);
                // Any HTTP answer means it listens: 401 with auth, 400 for plain http to the TLS port.
                if (connection.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("docker-registry did not answer on " + host());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
