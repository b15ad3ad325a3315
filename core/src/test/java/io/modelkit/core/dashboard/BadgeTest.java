package io.modelkit.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BadgeTest {
    @Test
    void isFlatShieldsStyleSvgWithTitleAndAriaLabel() throws Exception {
        Badge badge = new Badge("prod", "fraud-detector 1.4.0", GateOutcome.PASSED);

        Document svg = parse(badge.svg());

        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("height")).isEqualTo("20");
        assertThat(root.getAttribute("width")).isEqualTo(String.valueOf(badge.width()));
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("prod: fraud-detector 1.4.0");
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("prod: fraud-detector 1.4.0");
        NodeList rects = svg.getElementsByTagNameNS("*", "rect");
        assertThat(((Element) rects.item(1)).getAttribute("fill")).isEqualTo("#555");
        assertThat(((Element) rects.item(2)).getAttribute("fill")).isEqualTo("#4c1");
        NodeList texts = svg.getElementsByTagNameNS("*", "text");
        assertThat(texts.getLength()).isEqualTo(4);
        assertThat(texts.item(1).getTextContent()).isEqualTo("prod");
        assertThat(texts.item(3).getTextContent()).isEqualTo("fraud-detector 1.4.0");
    }

    @Test
    void measuresVerdanaWidths() {
        // "prod" in Verdana 11 px: p 1397 + r 959 + o 1356 + d 1397 units of 1/2048 em
        assertThat(Badge.textWidth("prod")).isEqualTo(5109 * 11 / 2048.0);
        assertThat(new Badge("prod", "1", GateOutcome.PASSED).width()).isEqualTo(27 + 10 + 8 + 10);
        assertThat(Badge.textWidth("iiii")).isLessThan(Badge.textWidth("WWWW"));
    }

    @Test
    void growsWithItsText() {
        int short_ = new Badge("prod", "fraud 1.4.0", GateOutcome.PASSED).width();
        int longer = new Badge("prod", "fraud-detector 1.4.0", GateOutcome.PASSED).width();
        int longerLabel = new Badge("production", "fraud-detector 1.4.0", GateOutcome.PASSED).width();

        assertThat(longer).isGreaterThan(short_);
        assertThat(longerLabel).isGreaterThan(longer);
    }

    @Test
    void colorsByGateOutcome() {
        assertThat(new Badge("a", "b", GateOutcome.PASSED).svg()).contains("fill=\"#4c1\"");
        assertThat(new Badge("a", "b", GateOutcome.WARNED).svg()).contains("fill=\"#dfb317\"");
        assertThat(new Badge("a", "b", GateOutcome.FAILED).svg()).contains("fill=\"#e05d44\"");
        assertThat(new Badge("a", "b", GateOutcome.UNKNOWN).svg()).contains("fill=\"#9f9f9f\"");
    }

    @Test
    void escapesTextSoHostileVersionsStayText() throws Exception {
        Badge badge = new Badge("a<b", "x & \"y\" <img src=x onerror=alert(1)>\u0007", GateOutcome.FAILED);

        String svg = badge.svg();
        Document parsed = parse(svg);

        assertThat(svg).doesNotContain("<img").contains("a&lt;b", "x &amp; &quot;y&quot; &lt;img");
        assertThat(parsed.getElementsByTagNameNS("*", "img").getLength()).isZero();
        assertThat(parsed.getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("a<b: x & \"y\" <img src=x onerror=alert(1)>\uFFFD");
    }

    @Test
    void leavesOutTheLabelBoxWhenTheLabelIsEmpty() throws Exception {
        Badge badge = new Badge("", "passing", GateOutcome.PASSED);

        Document svg = parse(badge.svg());

        assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).isEqualTo(2);
        assertThat(badge.width()).isEqualTo(new Badge("x", "passing", GateOutcome.PASSED).width()
                - (int) Math.round(Badge.textWidth("x")) - 10);
    }

    @Test
    void namesTheStageTheModelKitAndItsVersion() {
        StageEntry held = new StageEntry("prod", "r/prod", "prod", ReleaseJsonTest.PROD, "1.4.0", Instant.EPOCH, "ci",
                null, ProvenanceSummary.NONE, GateOutcome.WARNED, List.of());

        assertThat(Badge.of("fraud-detector", held)).isEqualTo(new Badge("prod", "fraud-detector 1.4.0", GateOutcome.WARNED));
        assertThat(Badge.of("fraud-detector", StageEntry.empty("qa", "r/qa", "qa")))
                .isEqualTo(new Badge("qa", "none", GateOutcome.UNKNOWN));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
