package io.modelkit.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateReportsTest {
    private static final Digest SUBJECT = Digest.sha256("m".getBytes(StandardCharsets.UTF_8));
    private static final Digest POLICY = Digest.sha256("p".getBytes(StandardCharsets.UTF_8));

    private static GateReport report() {
        return new GateReport("registry.example.com/ml/m:1", SUBJECT, "gate.yaml", POLICY,
                Instant.parse("2026-11-02T10:00:00.250Z"), List.of(
                new RuleResult("signed", RuleKind.PROVENANCE, Mode.ENFORCE, Status.PASS, "signed by [sha256:ab]", List.of(), List.of()),
                new RuleResult("params <&\"|>", RuleKind.HYPERPARAMETERS, Mode.AUDIT, Status.WARN, "lr moved by 0.5",
                        List.of(new Comparison("lr", "0.1 within ±0.1", "0.6")), List.of("epochs: 1 -> 2")),
                new RuleResult("tag", RuleKind.REGISTRY, Mode.ENFORCE, Status.FAIL, "r/m:prod holds sha256:00\u0001",
                        List.of(new Comparison("r/m:prod", "absent", "sha256:00")), List.of())));
    }

    @Test
    void shouldWriteJunitXmlThatIsValidAgainstTheReportSchema() throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(GateReportsTest.class.getResource("junit-testsuite.xsd")).newValidator();

        validator.validate(new StreamSource(new StringReader(GateReports.junitXml(report()))));

        String withoutCount = GateReports.junitXml(report()).replace(" tests=\"3\"", "");
        assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(withoutCount))))
                .isInstanceOf(SAXException.class).hasMessageContaining("tests");
    }

    @Test
    void shouldWriteJunitXmlThatAnXmlParserReadsAsOneSuiteWithATestcasePerRule() throws Exception {
        String xml = GateReports.junitXml(report());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = document.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("modelkit-gate");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-02T10:00:00");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element warned = (Element) cases.item(1);
        assertThat(warned.getAttribute("name")).isEqualTo("params <&\"|>");
        assertThat(warned.getAttribute("classname")).isEqualTo("modelkit-gate.hyperparameters");
        assertThat(((Element) warned.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("audit: lr moved by 0.5");
        assertThat(warned.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("WARN audit: lr moved by 0.5\nlr: expected 0.1 within ±0.1, found 0.6\napproval required: epochs: 1 -> 2\n");
        Element failed = (Element) cases.item(2);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("r/m:prod holds sha256:00\uFFFD");
        assertThat(failure.getAttribute("type")).isEqualTo("registry");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) cases.item(0)).getElementsByTagName("skipped").getLength()).isZero();
        NodeList properties = suite.getElementsByTagName("property");
        assertThat(((Element) properties.item(4)).getAttribute("value")).isEqualTo("FAIL");
    }

    @Test
    void shouldWriteTextJsonAndMarkdown() {
        GateReport report = report();
        assertThat(report.outcome()).isEqualTo(Status.FAIL);
        assertThat(GateReports.text(report)).isEqualTo("""
                Gate registry.example.com/ml/m:1 (%s)
                Policy gate.yaml (%s)
                  PASS  signed        provenance/enforce     signed by [sha256:ab]
                  WARN  params <&"|>  hyperparameters/audit  lr moved by 0.5
                          lr: expected 0.1 within ±0.1, found 0.6
                  FAIL  tag           registry/enforce       r/m:prod holds sha256:00\uFFFD
                          r/m:prod: expected absent, found sha256:00
                Approval required: params <&"|>: epochs: 1 -> 2
                Outcome: FAIL
                """.formatted(SUBJECT, POLICY));
        JsonNode json = GateReports.json(report);
        assertThat(json.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(json.path("approvalRequired").asBoolean()).isTrue();
        assertThat(json.path("policy").path("digest").asText()).isEqualTo(POLICY.toString());
        assertThat(json.path("evaluated").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(json.path("rules").get(1).toString()).isEqualTo("{\"name\":\"params <&\\\"|>\",\"kind\":\"hyperparameters\","
                + "\"mode\":\"audit\",\"status\":\"WARN\",\"message\":\"lr moved by 0.5\",\"compared\":[{\"what\":\"lr\","
                + "\"expected\":\"0.1 within ±0.1\",\"actual\":\"0.6\"}],\"approvals\":[\"epochs: 1 -> 2\"]}");
        assertThat(GateReports.markdown(report)).startsWith("### Gate: FAIL\n\n")
                .contains("| ⚠️ WARN | params &lt;&\"\\|&gt; | hyperparameters | audit | lr moved by 0.5<br>lr: expected 0.1 within ±0.1, found 0.6 |\n")
                .endsWith("\n**Approval required:** params &lt;&\"\\|&gt;: epochs: 1 -&gt; 2\n");
    }
}
