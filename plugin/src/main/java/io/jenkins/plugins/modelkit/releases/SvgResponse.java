package io.jenkins.plugins.modelkit.releases;

import io.modelkit.core.oci.Digest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A badge as the response: {@code image/svg+xml}, an ETag of its bytes (a matching
 * {@code If-None-Match} gets 304 and no body), and headers that keep caches (such as GitHub's image
 * proxy) from holding a stale status.
 */
final class SvgResponse implements HttpResponse {
    static final String CONTENT_TYPE = "image/svg+xml;charset=utf-8";
    static final String EXPIRES = "Fri, 01 Jan 1984 00:00:00 GMT";
    static final String CACHE_CONTROL = "no-cache, no-store, private";
    /** For an unknown job and one the caller may not see alike. */
    static final HttpResponse NOT_FOUND = new HttpResponse() {
        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    };

    private final byte[] svg;
    private final String etag;

    SvgResponse(String svg) {
        this.svg = svg.getBytes(StandardCharsets.UTF_8);
        this.etag = '"' + Digest.sha256(this.svg).hex() + '"';
    }

    String etag() {
        return etag;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
        rsp.setHeader("ETag", etag);
        rsp.setHeader("Expires", EXPIRES);
        rsp.setHeader("Cache-Control", CACHE_CONTROL);
        if (etag.equals(req.getHeader("If-None-Match"))) {
            rsp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        rsp.setContentType(CONTENT_TYPE);
        rsp.setContentLength(svg.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(svg);
        }
    }
}
