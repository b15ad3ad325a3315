package io.modelkit.core.registry;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Pushes one blob: POST an upload session, then one PUT with the whole blob, or PATCHes of
 * {@code chunkSize} bytes closed by a PUT with the digest. After a dropped connection or a 5xx in
 * the middle, it asks the registry how much it holds ({@code GET} on the session gives
 * {@code Range: 0-N}) and goes on from there; a session the registry gave up is started again.
 */
final class BlobUpload {
    private final RegistryHttp http;
    private final ProgressListener progress;
    private final String repository;
    private final Digest digest;
    private final long size;
    private final BlobSource source;
    private final long chunkSize;
    private final String task;

    BlobUpload(RegistryHttp http, ProgressListener progress, String repository, Digest digest, long size,
               BlobSource source, long chunkSize) {
        this.http = http;
        this.progress = progress;
        this.repository = repository;
        this.digest = digest;
        this.size = size;
        this.source = source;
        this.chunkSize = chunkSize;
        this.task = "push " + digest;
    }

    void run(boolean chunked) {
        progress.started(task, size);
        try {
            if (chunked) {
                chunked();
            } else {
                monolithic();
            }
        } finally {
            progress.finished(task);
        }
    }

    private void monolithic() {
        RetryPolicy.Attempts attempts = http.retryPolicy().start();
        while (true) {
            URI location = startSession();
            Call put = new Call("PUT", withDigest(location)).about(repository, digest.toString()).noRetry()
                    .timeout(Duration.ZERO)
                    .header("Content-Type", "application/octet-stream")
                    .body(() -> streamBody(0, size));
            Failure failure = finish(put);
            if (failure == null) {
                return;
            }
            if (!attempts.waitForNext(failure.retryAfter())) {
                throw failure.error();
            }
        }
    }

    private void chunked() {
        RetryPolicy.Attempts attempts = http.retryPolicy().start();
        URI location = startSession();
        long offset = 0;
        while (offset < size) {
            long length = Math.min(chunkSize, size - offset);
            long start = offset;
            Call patch = new Call("PATCH", location).about(repository, digest.toString()).noRetry()
                    .timeout(Duration.ZERO)
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", start + "-" + (start + length - 1))
                    .body(() -> streamBody(start, length));
            RegistryException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = http.sendOnce(patch, BodyHandlers.ofByteArray());
                if (response.statusCode() == 202) {
                    location = nextLocation(location, response);
                    offset = rangeEnd(response).orElse(start + length - 1) + 1;
                    continue;
                }
                failure = error(response);
                if (response.statusCode() < 500 && response.statusCode() != 429 && response.statusCode() != 416) {
                    throw failure;
                }
                retryAfter = retryAfterOf(response);
            } catch (IOException e) {
                failure = RegistryErrors.unreachable(http.registry(), repository, digest.toString(), e);
            }
            if (!attempts.waitForNext(retryAfter)) {
                throw failure;
            }
            // Ask the registry how far it got; a session it no longer knows is started again.
            HttpResponse<byte[]> status = http.send(new Call("GET", location).about(repository, digest.toString()));
            if (status.statusCode() == 204) {
                location = nextLocation(location, status);
                offset = rangeEnd(status).orElse(-1L) + 1;
                progress.info("resuming upload of " + digest + " at byte " + offset);
            } else {
                location = startSession();
                offset = 0;
                progress.info("restarting upload of " + digest + ": the registry dropped the session (HTTP " + status.statusCode() + ")");
            }
        }
        Call put = new Call("PUT", withDigest(location)).about(repository, digest.toString()).noRetry();
        Failure failure = finish(put);
        if (failure != null) {
            throw failure.error();
        }
    }

    /** A retryable failure of a PUT, with the registry's Retry-After when it sent one. */
    private record Failure(RegistryException error, Duration retryAfter) {
    }

    /** Sends a PUT that completes the upload; null on success, a failure worth a retry, or throws. */
    private Failure finish(Call put) {
        try {
            HttpResponse<byte[]> response = http.sendOnce(put, BodyHandlers.ofByteArray());
            if (response.statusCode() == 201) {
                return null;
            }
            RegistryException error = error(response);
            if (!RetryPolicy.isRetryable(response.statusCode())) {
                throw error;
            }
            return new Failure(error, retryAfterOf(response));
        } catch (IOException e) {
            return new Failure(RegistryErrors.unreachable(http.registry(), repository, digest.toString(), e), null);
        }
    }

    /** POSTs a new upload session and returns its location. */
    private URI startSession() {
        Call post = new Call("POST", http.uri("/v2/" + repository + "/blobs/uploads/")).about(repository, digest.toString());
        HttpResponse<byte[]> response = http.send(post);
        if (response.statusCode() != 202) {
            throw error(response);
        }
        return nextLocation(post.uri, response);
    }

    private URI nextLocation(URI current, HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(current::resolve).orElse(current);
    }

    private URI withDigest(URI location) {
        String text = location.toString();
        String digestParameter = "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
        return URI.create(text + (location.getRawQuery() == null ? "?" : "&") + digestParameter);
    }

    /** The end of the {@code Range: 0-N} header (inclusive), if the registry sent one. */
    private static Optional<Long> rangeEnd(HttpResponse<?> response) {
        return response.headers().firstValue("Range").map(range -> {
            int dash = range.lastIndexOf('-');
            return Long.parseLong(range.substring(dash + 1).trim());
        });
    }

    private static Duration retryAfterOf(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private RegistryException error(HttpResponse<byte[]> response) {
        return RegistryErrors.fromResponse(http.registry(), repository, digest.toString(), response, response.body());
    }

    /** A body of {@code length} bytes of the source from {@code offset}, with a Content-Length. */
    private BodyPublisher streamBody(long offset, long length) throws IOException {
        InputStream stream = counted(source.open(offset), length);
        return BodyPublishers.fromPublisher(new ChunkedStreamPublisher(stream), length);
    }

    /** At most {@code length} bytes of {@code stream}, reported to the progress listener. */
    private InputStream counted(InputStream stream, long length) {
        return new FilterInputStream(stream) {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int read = super.read(buffer, off, (int) Math.min(len, remaining));
                if (read > 0) {
                    remaining -= read;
                    progress.advanced(task, read);
                } else if (read < 0) {
                    throw new IOException("blob " + digest + " ended " + remaining + " bytes early");
                }
                return read;
            }
        };
    }
}
