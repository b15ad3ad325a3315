package io.modelkit.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.registry.auth.CredentialProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of one OCI distribution registry: blobs (HEAD, ranged GET, chunked and resumable push,
 * cross-repository mount), manifests kept as their exact bytes, tags, and referrers with the tag
 * fallback for registries without the referrers API. Thread-safe; one instance serves parallel
 * transfers. Every failure is a {@link RegistryException}.
 */
public final class RegistryClient {
    static {
        // The JDK's HTTP client reads sockets in 16 KiB buffers by default, which caps a blob download
        // near 0.3 GB/s on loopback; 1 MiB lets it reach the registry's rate. It must be set before the
        // client classes load; a value set by the user (-Djdk.httpclient.bufsize=...) is kept.
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", Integer.toString(1 << 20));
        }
    }

    private static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX,
            MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TAG_PAGE_SIZE = 1000;

    private final RegistryHttp http;
    private final ProgressListener progress;
    private final long chunkSize;
    private final UploadMode uploadMode;

    private RegistryClient(Builder builder) {
        HttpClient.Builder httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout);
        if (builder.caCertificates != null) {
            httpClient.sslContext(TrustedCertificates.withExtraCertificates(builder.caCertificates));
        }
        HttpClient client = httpClient.build();
        RegistryAuthenticator authenticator = new RegistryAuthenticator(builder.registry, builder.credentials, client,
                builder.requestTimeout);
        this.http = new RegistryHttp(builder.registry, client, authenticator, builder.retryPolicy, builder.requestTimeout,
                builder.plainHttp);
        this.progress = builder.progress;
        this.chunkSize = builder.chunkSize;
        this.uploadMode = builder.uploadMode;
    }

    /** A builder for a client of {@code registry} ({@code host[:port]}, as in a reference). */
    public static Builder builder(String registry) {
        return new Builder(registry);
    }

    /** The registry host this client talks to. */
    public String registry() {
        return http.registry();
    }

    // ---- blobs

    /** The blob's descriptor (size, and media type when the registry tells it), or empty when missing. */
    public Optional<Descriptor> headBlob(String repository, Digest digest) {
        HttpResponse<byte[]> response = http.send(new Call("HEAD", blobUri(repository, digest)).about(repository, digest.toString()));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw error(response, repository, digest.toString());
        }
        long size = response.headers().firstValueAsLong("Content-Length").orElse(0);
        return Optional.of(new Descriptor(response.headers().firstValue("Content-Type").orElse(""), digest, size));
    }

    /**
     * The blob's bytes from {@code fromOffset} on (a Range request, to resume a download). The
     * caller verifies the digest and closes the stream.
     */
    public InputStream getBlob(String repository, Digest digest, long fromOffset) {
        Call call = new Call("GET", blobUri(repository, digest)).about(repository, digest.toString());
        if (fromOffset > 0) {
            call.header("Range", "bytes=" + fromOffset + "-");
        }
        HttpResponse<InputStream> response = http.send(call, BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 206) {
            // a range that starts elsewhere would be caught by the digest, but only after the whole rest arrived
            String range = response.headers().firstValue("Content-Range").orElse("");
            if (!range.startsWith("bytes " + fromOffset + "-")) {
                RegistryHttp.discard(response);
                throw RegistryErrors.invalidResponse(registry(), repository, digest.toString(),
                        "asked for bytes from " + fromOffset + ", got Content-Range '" + range + "'");
            }
            return response.body();
        }
        if (status == 200 && fromOffset == 0) {
            return response.body();
        }
        if (status == 200) {
            // The registry ignored the Range header: skip what the caller already has.
            InputStream body = response.body();
            try {
                body.skipNBytes(fromOffset);
            } catch (IOException e) {
                RegistryHttp.discard(response);
                throw RegistryErrors.unreachable(registry(), repository, digest.toString(), e);
            }
            return body;
        }
        byte[] errorBody;
        try (InputStream body = response.body()) {
            errorBody = body.readNBytes(64 * 1024);
        } catch (IOException e) {
            errorBody = new byte[0];
        }
        throw RegistryErrors.fromResponse(registry(), repository, digest.toString(), response, errorBody);
    }

    /**
     * Uploads a blob of {@code size} bytes: one PUT for small blobs (or always, in
     * {@link UploadMode#MONOLITHIC}), else chunked PATCHes that resume after a dropped connection
     * or a server error from where the registry says it stopped. {@code source} is reopened at the
     * resume offset; the registry checks the digest when the upload completes.
     */
    public void pushBlob(String repository, Digest digest, long size, BlobSource source) {
        pushBlob(repository, digest, size, source, UploadMode.AUTO);
    }

    /**
     * The same, with {@code whenAuto} as the upload mode unless this client was built with another
     * than {@link UploadMode#AUTO}: a copy from another registry asks for one streamed PUT, which
     * runs at the registry's full upload rate, and sends it again from the source if it fails.
     */
    public void pushBlob(String repository, Digest digest, long size, BlobSource source, UploadMode whenAuto) {
        UploadMode mode = uploadMode == UploadMode.AUTO ? whenAuto : uploadMode;
        boolean chunked = switch (mode) {
            case MONOLITHIC -> false;
            case CHUNKED -> size > 0;
            case AUTO -> size > chunkSize;
        };
        try {
            new BlobUpload(http, progress, repository, digest, size, source, chunkSize).run(chunked);
        } catch (RegistryException e) {
            // a proxy in front of the registry may cap one request's body (nginx's client_max_body_size): chunks fit
            if (chunked || e.status() != 413 || uploadMode != UploadMode.AUTO || size <= chunkSize) {
                throw e;
            }
            progress.info("registry " + registry() + " refused " + digest + " in one request (HTTP 413): sending it in chunks");
            new BlobUpload(http, progress, repository, digest, size, source, chunkSize).run(true);
        }
    }

    /**
     * Mounts a blob from another repository of the same registry. True when the registry mounted
     * it (201); false when it opened an upload session instead (202), which is cancelled: the
     * caller then pushes the blob.
     */
    public boolean mountBlob(String repository, Digest digest, String fromRepository) {
        URI uri = http.uri("/v2/" + repository + "/blobs/uploads/?mount=" + encode(digest.toString())
                + "&from=" + encode(fromRepository));
        Call call = new Call("POST", uri).about(repository, digest.toString())
                .scopes(List.of(Call.scopeFor(repository, "POST"), Call.scopeFor(fromRepository, "GET")));
        HttpResponse<byte[]> response = http.send(call);
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 202) {
            response.headers().firstValue("Location").ifPresent(location ->
                    http.send(new Call("DELETE", uri.resolve(location)).about(repository, digest.toString())
                            .scopes(call.scopes)));
            return false;
        }
        throw error(response, repository, digest.toString());
    }

    // ---- manifests

    /**
     * The manifest or index at {@code reference} (a tag or a digest) as its exact bytes. The sha256
     * of the bytes must equal the requested digest, or the registry's {@code Docker-Content-Digest}.
     */
    public ManifestResponse getManifest(String repository, String reference) {
        HttpResponse<byte[]> response = http.send(new Call("GET", manifestUri(repository, reference))
                .about(repository, reference).header("Accept", MANIFEST_ACCEPT));
        if (response.statusCode() != 200) {
            throw error(response, repository, reference);
        }
        byte[] bytes = response.body();
        Digest actual = Digest.sha256(bytes);
        Optional<String> expected = reference.contains(":") ? Optional.of(reference)
                : response.headers().firstValue("Docker-Content-Digest");
        if (expected.isPresent() && !expected.get().equals(actual.toString())) {
            throw RegistryErrors.invalidResponse(registry(), repository, reference,
                    "manifest digest mismatch: expected " + expected.get() + ", the received bytes have " + actual);
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("");
        if (mediaType.isEmpty()) {
            mediaType = declaredMediaType(bytes);
        }
        return new ManifestResponse(bytes, mediaType, actual);
    }

    /** The manifest's descriptor without its bytes, or empty when there is none. */
    public Optional<Descriptor> headManifest(String repository, String reference) {
        HttpResponse<byte[]> response = http.send(new Call("HEAD", manifestUri(repository, reference))
                .about(repository, reference).header("Accept", MANIFEST_ACCEPT));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw error(response, repository, reference);
        }
        Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
        if (digest.isEmpty()) {
            // Some registries omit the digest on HEAD; the bytes tell it.
            return Optional.of(getManifest(repository, reference).descriptor());
        }
        return Optional.of(new Descriptor(response.headers().firstValue("Content-Type").orElse(""),
                Digest.parse(digest.get()), response.headers().firstValueAsLong("Content-Length").orElse(0)));
    }

    /**
     * Stores {@code bytes} as they are under {@code reference} (a tag, or their digest). Returns their
     * digest and whether the registry indexed the manifest's subject itself ({@code OCI-Subject}).
     */
    public ManifestPush putManifest(String repository, String reference, byte[] bytes, String mediaType) {
        Objects.requireNonNull(mediaType, "mediaType");
        Digest digest = Digest.sha256(bytes);
        HttpResponse<byte[]> response = http.send(new Call("PUT", manifestUri(repository, reference))
                .about(repository, reference).header("Content-Type", mediaType).bytes(bytes));
        if (response.statusCode() != 201) {
            throw error(response, repository, reference);
        }
        Optional<String> stored = response.headers().firstValue("Docker-Content-Digest");
        if (stored.isPresent() && !stored.get().equals(digest.toString())) {
            throw RegistryErrors.invalidResponse(registry(), repository, reference,
                    "the registry stored the manifest as " + stored.get() + ", not as its sha256 " + digest);
        }
        return new ManifestPush(digest, response.headers().firstValue("OCI-Subject").isPresent());
    }

    /**
     * Pushes a manifest that has a {@code subject} by its digest and, when the registry does not
     * index referrers itself, adds it to the fallback index tagged {@code sha256-<subject hex>}
     * (read, modify, write; concurrent writers of the same subject may race, as the spec warns).
     */
    public ManifestPush pushReferrer(String repository, byte[] bytes, String mediaType) {
        Digest digest = Digest.sha256(bytes);
        String where = RegistryErrors.where(registry(), repository, digest.toString());
        Digest subject = ReferrersIndex.subjectOf(bytes, where).orElseThrow(() ->
                RegistryErrors.invalidResponse(registry(), repository, digest.toString(), "the manifest has no subject"));
        ManifestPush push = putManifest(repository, digest.toString(), bytes, mediaType);
        if (!push.subjectIndexed()) {
            String tag = ReferrersIndex.fallbackTag(subject);
            ImageIndex index = fallbackIndex(repository, subject).orElseGet(ReferrersIndex::empty);
            ImageIndex updated = ReferrersIndex.with(index, ReferrersIndex.entryFor(bytes, mediaType, where));
            putManifest(repository, tag, updated.toBytes(), MediaTypes.OCI_INDEX);
        }
        return push;
    }

    /** Deletes the manifest {@code reference} (distribution accepts digests only). */
    public void deleteManifest(String repository, String reference) {
        HttpResponse<byte[]> response = http.send(new Call("DELETE", manifestUri(repository, reference))
                .about(repository, reference));
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw error(response, repository, reference);
        }
    }

    // ---- tags and referrers

    /** Every tag of the repository, following {@code Link} pagination. */
    public List<String> listTags(String repository) {
        return listTags(repository, TAG_PAGE_SIZE);
    }

    List<String> listTags(String repository, int pageSize) {
        List<String> tags = new ArrayList<>();
        URI next = http.uri("/v2/" + repository + "/tags/list?n=" + pageSize);
        while (next != null) {
            HttpResponse<byte[]> response = http.send(new Call("GET", next).about(repository, ""));
            if (response.statusCode() != 200) {
                throw error(response, repository, "");
            }
            JsonNode page = readJson(response.body(), repository, "tags list");
            page.path("tags").forEach(tag -> tags.add(tag.asText()));
            next = nextPage(next, response);
        }
        return tags;
    }

    /**
     * The manifests whose subject is {@code subject}, of {@code artifactType} when not null: from the
     * referrers API, or from the fallback tag when the registry has no such API.
     */
    public List<Descriptor> referrers(String repository, Digest subject, String artifactType) {
        String query = artifactType == null || artifactType.isEmpty() ? "" : "?artifactType=" + encode(artifactType);
        URI next = http.uri("/v2/" + repository + "/referrers/" + subject + query);
        List<Descriptor> entries = new ArrayList<>();
        while (next != null) {
            HttpResponse<byte[]> response = http.send(new Call("GET", next).about(repository, subject.toString())
                    .header("Accept", MediaTypes.OCI_INDEX));
            if (response.statusCode() == 404 && entries.isEmpty()) {
                List<Descriptor> fallback = fallbackIndex(repository, subject).map(ImageIndex::manifests).orElse(List.of());
                return ReferrersIndex.filter(fallback, artifactType);
            }
            if (response.statusCode() != 200) {
                throw error(response, repository, subject.toString());
            }
            entries.addAll(ImageIndex.parse(response.body(), RegistryErrors.where(registry(), repository, subject.toString())
                    + ": referrers").manifests());
            next = nextPage(next, response);
        }
        return ReferrersIndex.filter(entries, artifactType);
    }

    private Optional<ImageIndex> fallbackIndex(String repository, Digest subject) {
        String tag = ReferrersIndex.fallbackTag(subject);
        try {
            ManifestResponse index = getManifest(repository, tag);
            return Optional.of(ImageIndex.parse(index.bytes(), RegistryErrors.where(registry(), repository, tag)));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- helpers

    private URI blobUri(String repository, Digest digest) {
        return http.uri("/v2/" + repository + "/blobs/" + digest);
    }

    private URI manifestUri(String repository, String reference) {
        return http.uri("/v2/" + repository + "/manifests/" + reference);
    }

    private static URI nextPage(URI current, HttpResponse<?> response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (matcher.find()) {
                return current.resolve(matcher.group(1));
            }
        }
        return null;
    }

    private JsonNode readJson(byte[] body, String repository, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw RegistryErrors.invalidResponse(registry(), repository, "", what + " is not valid JSON");
        }
    }

    private static String declaredMediaType(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes).path("mediaType").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private RegistryException error(HttpResponse<byte[]> response, String repository, String reference) {
        return RegistryErrors.fromResponse(registry(), repository, reference, response, response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Options of a {@link RegistryClient}; every option has a production default. */
    public static final class Builder {
        private final String registry;
        private boolean plainHttp;
        private CredentialProvider credentials = CredentialProvider.ANONYMOUS;
        private Path caCertificates;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private ProgressListener progress = ProgressListener.NONE;
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private long chunkSize = 64L * 1024 * 1024;
        private UploadMode uploadMode = UploadMode.AUTO;

        private Builder(String registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Talk plain http instead of https. Without it, plain http is used only for a loopback
         * registry (127.0.0.0/8, ::1, localhost) that does not answer TLS.
         */
        public Builder plainHttp(boolean value) {
            plainHttp = value;
            return this;
        }

        public Builder credentials(CredentialProvider value) {
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /** A PEM file of CA certificates trusted in addition to the JDK's. */
        public Builder caCertificates(Path pemFile) {
            caCertificates = pemFile;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** How long to wait for the response to a request (uploads of blob bytes have no limit); zero for none. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        public Builder progress(ProgressListener value) {
            progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** The size of one PATCH in a chunked upload; 64 MiB by default. */
        public Builder chunkSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("chunk size must be positive, was " + bytes);
            }
            chunkSize = bytes;
            return this;
        }

        public Builder uploadMode(UploadMode value) {
            uploadMode = Objects.requireNonNull(value, "uploadMode");
            return this;
        }

        public RegistryClient build() {
            return new RegistryClient(this);
        }
    }
}
