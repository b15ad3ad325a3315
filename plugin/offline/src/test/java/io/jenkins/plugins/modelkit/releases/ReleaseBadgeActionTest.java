package io.jenkins.plugins.modelkit.releases;

import static io.jenkins.plugins.modelkit.releases.ReleaseIndexTest.DIGEST_A;
import static io.jenkins.plugins.modelkit.releases.ReleaseIndexTest.promotion;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.dashboard.Badge;
import io.modelkit.core.dashboard.GateOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.w3c.dom.Document;

/**
 * The badge endpoint's own logic: which badge a job's ModelKit in a stage gets, and the SVG response
 * with its caching headers. Who may fetch it (VIEW_STATUS) is Jenkins' part, tested by the real build.
 */
class ReleaseBadgeActionTest {
    @TempDir
    Path temp;

    @Test
    void shouldRenderWhatTheStageHoldsForThatJobOnly() throws Exception {
        ReleaseIndex index = new ReleaseIndex(temp.resolve("index.json"));
        index.add(promotion("fraud", 2, "fraud-detector", "prod", DIGEST_A, "1.4.0", "2026-11-02T10:00:00Z"),
                List.of("staging", "prod"));

        Badge prod = ReleaseBadgeAction.badge(index, "fraud", "fraud-detector", "prod");
        Badge staging = ReleaseBadgeAction.badge(index, "fraud", "fraud-detector", "staging");
        Badge otherJob = ReleaseBadgeAction.badge(index, "someone-else", "fraud-detector", "prod");

        assertThat(prod).isEqualTo(new Badge("prod", "fraud-detector 1.4.0", GateOutcome.PASSED));
        assertThat(staging).isEqualTo(new Badge("staging", "none", GateOutcome.UNKNOWN));
        assertThat(otherJob).isEqualTo(new Badge("prod", "none", GateOutcome.UNKNOWN));
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(prod.svg().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(prod.svg()).contains("fraud-detector 1.4.0").contains(GateOutcome.PASSED.colour());
    }

    @Test
    void shouldServeTheSvgWithAnETagAndNoCaching() throws Exception {
        SvgResponse response = new SvgResponse(new Badge("prod", "fraud-detector 1.4.0", GateOutcome.PASSED).svg());
        Exchange first = Exchange.of(null);

        response.generateResponse(first.request(), first.response(), null);

        assertThat(first.headers).containsEntry("ETag", response.etag())
                .containsEntry("Expires", "Fri, 01 Jan 1984 00:00:00 GMT")
                .containsEntry("Cache-Control", "no-cache, no-store, private")
                .containsEntry("Content-Type", "image/svg+xml;charset=utf-8");
        assertThat(first.body.toString(StandardCharsets.UTF_8)).startsWith("<svg").contains("fraud-detector 1.4.0");
        assertThat(response.etag()).matches("\"[0-9a-f]{64}\"");

        Exchange again = Exchange.of(response.etag());
        response.generateResponse(again.request(), again.response(), null);

        assertThat(again.status).isEqualTo(304);
        assertThat(again.body.size()).isZero();
        assertThat(again.headers).containsEntry("ETag", response.etag());
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownJobOrMissingParameters() throws Exception {
        ReleaseBadgeAction action = new ReleaseBadgeAction();

        HttpResponse unknown = action.doIconSvg("no-such-job", "fraud-detector", "prod");
        HttpResponse incomplete = action.doIconSvg("fraud", null, "prod");

        for (HttpResponse response : List.of(unknown, incomplete)) {
            Exchange exchange = Exchange.of(null);
            response.generateResponse(exchange.request(), exchange.response(), null);
            assertThat(exchange.status).isEqualTo(404);
            assertThat(exchange.body.size()).isZero();
        }
        assertThat(action.getUrlName()).isEqualTo("modelkit-badge");
        assertThat(ReleaseBadgeAction.PERMISSIONS.getPermissions()).extracting(p -> p.getId()).containsExactly(
                "io.jenkins.plugins.modelkit.releases.ReleasePermissions.ViewStatus",
                "io.jenkins.plugins.modelkit.releases.ReleasePermissions.Promote");
        assertThat(ReleasePermissions.VIEW_STATUS.impliedBy).isSameAs(hudson.model.Item.READ);
        assertThat(ReleasePermissions.PROMOTE.isContainedBy(hudson.security.PermissionScope.ITEM)).isTrue();
        assertThat(action.getIconFileName()).isNull();
    }

    /** A request with an optional If-None-Match and a response that records what was set. */
    private static final class Exchange {
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        private final String ifNoneMatch;

        private Exchange(String ifNoneMatch) {
            this.ifNoneMatch = ifNoneMatch;
        }

        static Exchange of(String ifNoneMatch) {
            return new Exchange(ifNoneMatch);
        }

        StaplerRequest2 request() {
            return (StaplerRequest2) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StaplerRequest2.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getHeader" -> "If-None-Match".equals(args[0]) ? ifNoneMatch : null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        StaplerResponse2 response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (StaplerResponse2) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StaplerResponse2.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                            case "setStatus", "sendError" -> status = (Integer) args[0];
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
