package io.modelkit.core.dashboard;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code index.html}: the whole dashboard as static HTML (readable without scripts), with the model's
 * JSON embedded for {@code dashboard.js}. Every string from the model is escaped; a build URL becomes a link
 * only when it is http or https, so a record cannot smuggle a {@code javascript:} link in.
 */
public final class DashboardPage {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final int SHORT_HEX = 12;

    private DashboardPage() {
    }

    /** The page; {@code badges} maps a row and stage to the badge file's path relative to the page. */
    public static String render(ReleaseModel model, BadgeFiles badges) {
        Map<String, String> values = Map.of(
                "generated", Markup.escape(ReleaseJson.time(model.generated())),
                "modelkits", modelKits(model, badges),
                "timeline", timeline(model),
                "data", ReleaseJson.writeString(model)); // <, > and & are \\u escapes: the block cannot be closed
        Matcher matcher = PLACEHOLDER.matcher(resource("index.html"));
        StringBuilder page = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(page, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        return matcher.appendTail(page).toString();
    }

    /** A resource of this package, as text. */
    static String resource(String name) {
        try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the modelkit-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modelKits(ReleaseModel model, BadgeFiles badges) {
        StringBuilder html = new StringBuilder();
        if (model.modelKits().isEmpty()) {
            return "<p class=\"empty\">No release lines.</p>\n";
        }
        for (ModelKitRow row : model.modelKits()) {
            html.append("<section class=\"modelkit\" data-modelkit=\"").append(e(row.name())).append("\">\n<h2>")
                    .append(e(row.name())).append("</h2>\n<div class=\"scroll\"><table class=\"stages\">\n<thead><tr><th>Stage</th>"
                            + "<th>Badge</th><th>Version</th><th>Digest</th><th>Promoted</th><th>By</th>"
                            + "<th>Provenance</th><th>Gate</th><th>Hyperparameters vs previous stage</th></tr></thead>\n"
                            + "<tbody>\n");
            for (StageEntry entry : row.stages()) {
                stageRow(html, row, entry, badges.path(row, entry));
            }
            html.append("</tbody>\n</table></div>\n</section>\n");
        }
        return html.toString();
    }

    private static void stageRow(StringBuilder html, ModelKitRow row, StageEntry entry, String badge) {
        Badge drawn = Badge.of(row.name(), entry);
        html.append("<tr data-stage=\"").append(e(entry.stage())).append("\">")
                .append("<td class=\"stage\">").append(e(entry.stage())).append("<div class=\"repo\">")
                .append(e(entry.repository())).append(':').append(e(entry.tag())).append("</div></td>")
                .append("<td class=\"badge\"><img class=\"badge\" src=\"").append(e(badge)).append("\" alt=\"")
                .append(e(drawn.label() + ": " + drawn.message())).append("\" width=\"").append(drawn.width())
                .append("\" height=\"20\"></td>");
        if (entry.isEmpty()) {
            html.append("<td class=\"version empty\" colspan=\"7\">holds nothing yet</td></tr>\n");
            return;
        }
        html.append("<td class=\"version\">").append(entry.version() == null ? "<span class=\"none\">none</span>"
                        : e(entry.version())).append("</td>")
                .append("<td class=\"digest\">").append(digest(entry.digest())).append("</td>")
                .append("<td class=\"promoted-at\">").append(time(entry.promotedAt() == null ? null
                        : ReleaseJson.time(entry.promotedAt()))).append("</td>")
                .append("<td class=\"promoted-by\">").append(who(entry.promotedBy(), entry.buildUrl())).append("</td>")
                .append("<td class=\"provenance ").append(provenanceClass(entry.provenance())).append("\">")
                .append(provenance(entry.provenance())).append("</td>")
                .append("<td class=\"gate gate-").append(entry.gate().label()).append("\">").append(entry.gate().label())
                .append("</td><td class=\"changes\">").append(changes(entry)).append("</td></tr>\n");
    }

    private static String changes(StageEntry entry) {
        if (entry.changes().isEmpty()) {
            return "<span class=\"none\">none</span>";
        }
        StringBuilder html = new StringBuilder("<table class=\"diff\"><tbody>");
        for (ParameterChange change : entry.changes()) {
            html.append("<tr><td class=\"path\"><code>").append(e(change.path())).append("</code></td>")
                    .append("<td class=\"old\"><code>").append(change.oldValue() == null ? "" : e(change.oldValue()))
                    .append("</code></td><td class=\"new\"><code>")
                    .append(change.newValue() == null ? "" : e(change.newValue())).append("</code></td>")
                    .append("<td class=\"kind\">").append(change.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String provenanceClass(ProvenanceSummary provenance) {
        return provenance.verified() ? "provenance-verified"
                : provenance.signed() ? "provenance-unverified" : "provenance-none";
    }

    private static String provenance(ProvenanceSummary provenance) {
        if (provenance.verified()) {
            String key = provenance.keyFingerprint();
            return "verified" + (key == null ? "" : "<div class=\"key\">by key <code title=\"" + e(key) + "\">"
                    + e(shorten(key)) + "</code></div>");
        }
        return provenance.signed() ? "signed, not verified" : "not signed";
    }

    private static String timeline(ReleaseModel model) {
        if (model.timeline().isEmpty()) {
            return "<p class=\"empty\">No promotions recorded.</p>";
        }
        StringBuilder html = new StringBuilder("<ol class=\"timeline\">\n");
        for (TimelineEvent event : model.timeline()) {
            html.append("<li class=\"gate-").append(event.gate().label()).append("\" data-modelkit=\"")
                    .append(e(event.modelKit())).append("\" data-stage=\"").append(e(event.stage())).append("\">")
                    .append(time(ReleaseJson.time(event.at()))).append(" <span class=\"kind\">").append(e(event.kind()))
                    .append("</span> of <b class=\"modelkit\">").append(e(event.modelKit()))
                    .append("</b> to <b class=\"stage\">").append(e(event.stage())).append("</b> ")
                    .append(digest(event.digest())).append(" by <span class=\"by\">")
                    .append(who(event.promotedBy(), event.buildUrl())).append("</span>")
                    .append(", gate <span class=\"gate-outcome\">").append(event.gate().label()).append("</span>");
            if (event.forced()) {
                html.append(" <span class=\"forced\">forced</span>");
            }
            html.append("</li>\n");
        }
        return html.append("</ol>").toString();
    }

    /** {@code sha256:} and the first 12 hex digits, as people quote digests and key fingerprints. */
    private static String shorten(String hash) {
        int colon = hash.indexOf(':');
        return hash.length() <= colon + 1 + SHORT_HEX ? hash : hash.substring(0, colon + 1 + SHORT_HEX);
    }

    private static String digest(Digest digest) {
        String full = digest.toString();
        String shown = shorten(full);
        return "<code class=\"digest\" title=\"" + e(full) + "\" data-digest=\"" + e(full) + "\">" + e(shown) + "</code>";
    }

    private static String time(String at) {
        return at == null ? "<span class=\"none\">unrecorded</span>"
                : "<time datetime=\"" + e(at) + "\">" + e(at) + "</time>";
    }

    private static String who(String by, String buildUrl) {
        String name = by == null ? "<span class=\"none\">unrecorded</span>" : e(by);
        if (buildUrl == null) {
            return name;
        }
        if (WebLink.httpOrNull(buildUrl) != null) {
            return name + " (<a class=\"build\" href=\"" + e(buildUrl) + "\">build</a>)";
        }
        return name + " (build " + e(buildUrl) + ")";
    }

    private static String e(String text) {
        return Markup.escape(text);
    }
}
