package io.modelkit.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of a plain-http registry that injects faults: it cuts a request
 * body after some bytes, answers the next requests with an error status, or cuts a blob download.
 * It reads each request's head to decide and rewrites it to {@code Connection: close}, so that one
 * connection carries one request and no response needs parsing. Threads are bounded; {@link #close()}
 * closes every socket and stops them.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_CONNECTIONS = 32;

    private final int upstreamPort;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile long bodyLimit = Long.MAX_VALUE;
    private final AtomicLong cutUploadAfter = new AtomicLong(-1);
    private final AtomicLong cutDownloadAfter = new AtomicLong(-1);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> failureResponse = new AtomicReference<>("");
    private final AtomicInteger cuts = new AtomicInteger();

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // Two threads per connection (request and response direction) plus the acceptor.
        this.threads = Executors.newFixedThreadPool(2 * MAX_CONNECTIONS + 1, runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::accept);
    }

    /** {@code 127.0.0.1:PORT} of the proxy, the registry part of a reference. */
    public String host() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Once: the first request whose body is longer than {@code bytes} is cut after that many body bytes. */
    public void cutNextUploadAfter(long bytes) {
        cutUploadAfter.set(bytes);
    }

    /** Once: the next blob GET is cut after {@code bytes} bytes of its response body. */
    public void cutNextDownloadAfter(long bytes) {
        cutDownloadAfter.set(bytes);
    }

    /** From now on a request whose body is longer than {@code bytes} is answered {@code 413}, as a proxy with a body limit does. */
    public void limitBodies(long bytes) {
        bodyLimit = bytes;
    }

    /** The next {@code count} requests are answered {@code HTTP/1.1 500 Internal Server Error}. */
    public void failNext(int count) {
        failureResponse.set("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n");
        failures.set(count);
    }

    /** The next {@code count} requests are answered {@code 429 Too Many Requests} with {@code Retry-After}. */
    public void throttleNext(int count, int retryAfterSeconds) {
        failureResponse.set("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: "
                + retryAfterSeconds + "\r\n");
        failures.set(count);
    }

    /** Faults still waiting to happen: pending error answers and armed cuts. */
    public boolean pending() {
        return failures.get() > 0 || cutUploadAfter.get() >= 0 || cutDownloadAfter.get() >= 0;
    }

    /** Disarms every fault that has not happened yet. */
    public void reset() {
        failures.set(0);
        cutUploadAfter.set(-1);
        cutDownloadAfter.set(-1);
        bodyLimit = Long.MAX_VALUE;
        requests.clear();
    }

    /** How many connections the proxy cut. */
    public int cuts() {
        return cuts.get();
    }

    /** The requests seen so far ({@code METHOD PATH}, then {@code Range: ...} if it had one), in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            quietlyClose(socket);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        AtomicInteger active = new AtomicInteger();
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (active.get() >= MAX_CONNECTIONS) {
                    client.close();
                    continue;
                }
                open.add(client);
                active.incrementAndGet();
                threads.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        active.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                // Closed: the proxy stops.
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        boolean handedOff = false;
        try {
            InputStream fromClient = client.getInputStream();
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String path = requestLine.length > 1 ? requestLine[1] : "";
            long contentLength = 0;
            String range = "";
            StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(lines[i].indexOf(':'), 0)).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    contentLength = Long.parseLong(lines[i].substring(lines[i].indexOf(':') + 1).trim());
                } else if (name.equals("range")) {
                    range = " Range: " + lines[i].substring(lines[i].indexOf(':') + 1).trim();
                } else if (name.equals("transfer-encoding")) {
                    throw new IOException("the fault proxy handles Content-Length bodies only");
                }
                if (!name.equals("connection")) {
                    rewritten.append(lines[i]).append("\r\n");
                }
            }
            rewritten.append("Connection: close\r\n\r\n");
            requests.add(method + " " + path + range);

            if (contentLength > bodyLimit) {
                // as nginx with client_max_body_size answers a request body it will not take
                fromClient.skipNBytes(contentLength);
                String body = "<html><body>413 Request Entity Too Large</body></html>";
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: text/html\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                fromClient.skipNBytes(contentLength);
                String body = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected fault\"}]}";
                OutputStream out = client.getOutputStream();
                out.write((failureResponse.get() + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }

            upstream = new Socket();
            open.add(upstream);
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 5000);
            long cutUpload = contentLength > cutUploadAfter.get() && cutUploadAfter.get() >= 0
                    ? cutUploadAfter.getAndSet(-1) : -1;
            long cutDownload = method.equals("GET") && path.contains("/blobs/sha256:") ? cutDownloadAfter.getAndSet(-1) : -1;
            Socket server = upstream;
            threads.execute(() -> relayResponse(server, client, cutDownload));

            OutputStream toServer = upstream.getOutputStream();
            toServer.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (cutUpload >= 0) {
                copy(fromClient, toServer, cutUpload);
                toServer.flush();
                cuts.incrementAndGet();
                return;
            }
            copy(fromClient, toServer, contentLength);
            toServer.flush();
            // The response direction closes both sockets when the registry closes the connection.
            handedOff = true;
        } catch (IOException e) {
            // Either side went away: both sockets are closed below.
        } finally {
            if (!handedOff) {
                quietlyClose(client);
                if (upstream != null) {
                    quietlyClose(upstream);
                }
            }
        }
    }

    private void relayResponse(Socket upstream, Socket client, long cutAfterBodyBytes) {
        try (upstream; client) {
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long bodyBytes = cutAfterBodyBytes < 0 ? -1 : 0;
            int matched = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int forward = read;
                if (cutAfterBodyBytes >= 0) {
                    for (int i = 0; i < read; i++) {
                        if (matched < 4) {
                            // Find the end of the response head, \r\n\r\n.
                            byte expected = (byte) (matched % 2 == 0 ? '\r' : '\n');
                            matched = buffer[i] == expected ? matched + 1 : buffer[i] == '\r' ? 1 : 0;
                        } else if (bodyBytes++ >= cutAfterBodyBytes) {
                            forward = i;
                            break;
                        }
                    }
                }
                out.write(buffer, 0, forward);
                out.flush();
                if (forward < read) {
                    cuts.incrementAndGet();
                    return;
                }
            }
        } catch (IOException e) {
            // Either side went away: both sockets are closed.
        } finally {
            open.remove(upstream);
            open.remove(client);
        }
    }

    /** The request head up to and with {@code \r\n\r\n}, or null when the client sent nothing. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (head.size() >= MAX_HEAD) {
                throw new IOException("request head longer than " + MAX_HEAD + " bytes");
            }
            head.write(b);
            byte expected = (byte) (matched % 2 == 0 ? '\r' : '\n');
            matched = b == expected ? matched + 1 : b == '\r' ? 1 : 0;
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("the client sent " + (length - remaining) + " of " + length + " body bytes");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }

    private void quietlyClose(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
