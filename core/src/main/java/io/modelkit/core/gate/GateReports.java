package io.modelkit.core.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A gate report as text, JSON, Markdown and JUnit XML (one testsuite, one testcase per rule). */
public final class GateReports {
    /** The JUnit testsuite name, so build servers track the gate's rules over time. */
    public static final String SUITE = "modelkit-gate";

    private GateReports() {
    }

    /** Aligned lines: one per rule with its status and why, the compared values indented below it. */
    public static String text(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Gate ").append(report.reference()).append(" (").append(report.digest()).append(")\n");
        out.append("Policy ").append(report.policySource()).append(" (").append(report.policyDigest()).append(")\n");
        int width = report.results().stream().mapToInt(r -> r.name().length()).max().orElse(0);
        int kindWidth = report.results().stream().mapToInt(r -> kindAndMode(r).length()).max().orElse(0);
        for (RuleResult result : report.results()) {
            out.append(String.format(Locale.ROOT, "  %-4s  %-" + width + "s  %-" + kindWidth + "s  %s%n", result.status(),
                    printable(result.name()), kindAndMode(result), printable(result.message())));
            for (Comparison c : result.compared()) {
                out.append("          ").append(printable(c.what())).append(": expected ").append(printable(c.expected()))
                        .append(", found ").append(printable(c.actual())).append('\n');
            }
        }
        if (report.approvalRequired()) {
            out.append("Approval required: ").append(printable(String.join("; ", report.approvals()))).append('\n');
        }
        out.append("Outcome: ").append(report.outcome()).append('\n');
        return out.toString();
    }

    private static String kindAndMode(RuleResult result) {
        return result.kind().id() + "/" + result.mode().id();
    }

    /** Control characters from a Kitfile or a registry could drive a terminal; they are shown as U+FFFD. */
    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    public static ObjectNode json(GateReport report) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("reference", report.reference());
        node.put("digest", report.digest().toString());
        node.putObject("policy").put("source", report.policySource()).put("digest", report.policyDigest().toString());
        node.put("evaluated", timestamp(report));
        node.put("outcome", report.outcome().name());
        node.put("approvalRequired", report.approvalRequired());
        ArrayNode approvals = node.putArray("approvals");
        report.approvals().forEach(approvals::add);
        ArrayNode rules = node.putArray("rules");
        for (RuleResult result : report.results()) {
            ObjectNode rule = rules.addObject();
            rule.put("name", result.name());
            rule.put("kind", result.kind().id());
            rule.put("mode", result.mode().id());
            rule.put("status", result.status().name());
            rule.put("message", result.message());
            ArrayNode compared = rule.putArray("compared");
            for (Comparison c : result.compared()) {
                compared.addObject().put("what", c.what()).put("expected", c.expected()).put("actual", c.actual());
            }
            ArrayNode ruleApprovals = rule.putArray("approvals");
            result.approvals().forEach(ruleApprovals::add);
        }
        return node;
    }

    /** A table for pull requests and build pages; cell text is escaped so that values cannot break the table. */
    public static String markdown(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### Gate: ").append(report.outcome()).append("\n\n");
        out.append("`").append(cell(report.reference())).append("` (`").append(report.digest()).append("`), policy `")
                .append(cell(report.policySource())).append("`\n\n");
        out.append("| Status | Rule | Kind | Mode | Result |\n|---|---|---|---|---|\n");
        for (RuleResult result : report.results()) {
            StringBuilder details = new StringBuilder(cell(result.message()));
            for (Comparison c : result.compared()) {
                details.append("<br>").append(cell(c.what())).append(": expected ").append(cell(c.expected()))
                        .append(", found ").append(cell(c.actual()));
            }
            out.append("| ").append(emoji(result.status())).append(' ').append(result.status()).append(" | ")
                    .append(cell(result.name())).append(" | ").append(result.kind().id()).append(" | ")
                    .append(result.mode().id()).append(" | ").append(details).append(" |\n");
        }
        if (report.approvalRequired()) {
            out.append("\n**Approval required:** ").append(cell(String.join("; ", report.approvals()))).append('\n');
        }
        return out.toString();
    }

    /**
     * JUnit XML: testsuite {@value #SUITE}, one testcase per rule (classname {@code modelkit-gate.<kind>}); an
     * enforced failure is a {@code <failure>}, a warning a {@code <skipped>} with the reason, both with the values
     * compared in {@code <system-out>}.
     */
    public static String junitXml(GateReport report) {
        long failures = report.results().stream().filter(r -> r.status() == Status.FAIL).count();
        long skipped = report.results().stream().filter(r -> r.status() == Status.WARN).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"0\" timestamp=\"").append(timestamp(report).replace("Z", "")).append("\">\n");
        out.append("  <properties>\n");
        property(out, "reference", report.reference());
        property(out, "digest", report.digest().toString());
        property(out, "policy", report.policySource());
        property(out, "policyDigest", report.policyDigest().toString());
        property(out, "outcome", report.outcome().name());
        out.append("  </properties>\n");
        for (RuleResult result : report.results()) {
            out.append("  <testcase name=\"").append(xml(result.name())).append("\" classname=\"").append(SUITE).append('.')
                    .append(result.kind().id()).append("\" time=\"0\"");
            StringBuilder body = new StringBuilder();
            if (result.status() == Status.FAIL) {
                body.append("    <failure message=\"").append(xml(result.message())).append("\" type=\"")
                        .append(result.kind().id()).append("\">").append(xml(result.message())).append("</failure>\n");
            } else if (result.status() == Status.WARN) {
                body.append("    <skipped message=\"").append(xml("audit: " + result.message())).append("\"/>\n");
            }
            StringBuilder compared = new StringBuilder();
            compared.append(result.status()).append(' ').append(result.mode().id()).append(": ").append(result.message()).append('\n');
            for (Comparison c : result.compared()) {
                compared.append(c.what()).append(": expected ").append(c.expected()).append(", found ").append(c.actual()).append('\n');
            }
            result.approvals().forEach(a -> compared.append("approval required: ").append(a).append('\n'));
            body.append("    <system-out>").append(xml(compared.toString())).append("</system-out>\n");
            out.append(">\n").append(body).append("  </testcase>\n");
        }
        out.append("</testsuite>\n");
        return out.toString();
    }

    private static void property(StringBuilder out, String name, String value) {
        out.append("    <property name=\"").append(name).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }

    private static String timestamp(GateReport report) {
        return DateTimeFormatter.ISO_INSTANT.format(report.evaluated().truncatedTo(ChronoUnit.SECONDS));
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot hold at all become U+FFFD. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> {
                    boolean legal = c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    private static String emoji(Status status) {
        return switch (status) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }
}
