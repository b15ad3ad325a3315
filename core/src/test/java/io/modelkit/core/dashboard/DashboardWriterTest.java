package io.modelkit.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.diff.ChangeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardWriterTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path temp;

    @Test
    void writesPageStylesScriptDataAndOneBadgePerStage() throws Exception {
        Path out = temp.resolve("site");

        int badges = DashboardWriter.write(ReleaseJsonTest.model("1.4.0"), out);

        assertThat(badges).isEqualTo(3);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList())
                    .containsExactly("badges/fraud-dev.svg", "badges/fraud-prod.svg", "badges/fraud-qa.svg",
                            "dashboard.css", "dashboard.js", "index.html", "releases.json");
        }
        assertThat(Files.readAllBytes(out.resolve("releases.json"))).isEqualTo(ReleaseJson.write(ReleaseJsonTest.model("1.4.0")));
        assertThat(Files.readString(out.resolve("badges/fraud-prod.svg")))
                .isEqualTo(new Badge("prod", "fraud 1.4.0", GateOutcome.WARNED).svg());
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
        }
    }

    @Test
    void pageEmbedsTheDataAndLinksOnlyRelativeLocalFiles() throws Exception {
        Path out = temp.resolve("site");
        DashboardWriter.write(ReleaseJsonTest.model("1.4.0"), out);

        String page = Files.readString(out.resolve("index.html"));

        assertThat(page).contains("<script type=\"application/json\" id=\"release-data\">"
                + ReleaseJson.writeString(ReleaseJsonTest.model("1.4.0")) + "</script>");
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"dashboard.css\">", "<script src=\"dashboard.js\">",
                "src=\"badges/fraud-dev.svg\"", "src=\"badges/fraud-prod.svg\"");
        assertThat(page).doesNotContain("fetch(", "src=\"/", "href=\"/", "src=\"http", "{{");
        assertThat(Files.readString(out.resolve("dashboard.js"))).doesNotContain("fetch(", "http");
        assertThat(Files.readString(out.resolve("dashboard.css"))).doesNotContain("url(", "@import");
        // the stage rows, the diff and the timeline are in the page itself, readable without scripts
        assertThat(page).contains("<td class=\"version\">1.5.0</td>", "title=\"" + ReleaseJsonTest.DEV + "\"",
                "<td class=\"promoted-by\">alice</td>",
                "<td class=\"promoted-by\">ci (<a class=\"build\" href=\"http://ci/job/1/\">build</a>)</td>",
                "<td class=\"path\"><code>model.parameters.lr</code></td><td class=\"old\"><code>0.001</code></td>"
                        + "<td class=\"new\"><code>0.002</code></td><td class=\"kind\">changed</td>",
                "<td class=\"gate gate-warned\">warned</td>", "<span class=\"forced\">forced</span>");
        assertThat(page.indexOf("data-stage=\"dev\"><time datetime=\"2026-11-02T10:00:00Z\">"))
                .isLessThan(page.indexOf("data-stage=\"prod\"><time datetime=\"2026-11-01T09:00:00Z\">"));
    }

    @Test
    void escapesEveryStringFromTheRegistry() throws Exception {
        StageEntry hostile = new StageEntry("prod\"><script>alert(2)</script>", "r/" + HOSTILE, "t'", ReleaseJsonTest.PROD,
                HOSTILE, Instant.EPOCH, "<b>mallory</b>", "javascript:alert(3)", new ProvenanceSummary(true, true, "<k>"),
                GateOutcome.PASSED, List.of(new ParameterChange("model.parameters[\"" + HOSTILE + "\"]",
                        "\"</code>" + HOSTILE + "\"", null, ChangeKind.REMOVED)));
        ReleaseModel model = new ReleaseModel(Instant.EPOCH, List.of(hostile.stage()),
                List.of(new ModelKitRow("fraud" + HOSTILE, List.of(hostile))),
                List.of(new TimelineEvent(Instant.EPOCH, "fraud" + HOSTILE, hostile.stage(), "promotion" + HOSTILE,
                        ReleaseJsonTest.PROD, HOSTILE, HOSTILE, "javascript:alert(4)", GateOutcome.PASSED, false)));
        Path out = temp.resolve("site");

        DashboardWriter.write(model, out);

        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).doesNotContain("<img src=x", "<script>alert", "<b>mallory", "href=\"javascript:", "<k>");
        assertThat(page).contains("<td class=\"version\">&lt;img src=x onerror=alert(1)&gt;</td>",
                "&lt;b&gt;mallory&lt;/b&gt; (build javascript:alert(3))", "data-stage=\"prod&quot;&gt;&lt;script&gt;");
        // the only tags in the page are the template's and the renderer's own
        assertThat(page.split("<img ", -1)).hasSize(2);
        assertThat(page.split("<script", -1)).hasSize(3);
        try (Stream<Path> badges = Files.list(out.resolve("badges"))) {
            assertThat(badges.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("fraud_img_src_x_onerror_alert_1__-prod___script_alert_2___script_.svg");
        }
        BadgeTest.parse(Files.readString(out.resolve("badges")
                .resolve("fraud_img_src_x_onerror_alert_1__-prod___script_alert_2___script_.svg")));
    }

    @Test
    void replacesAnEarlierDashboardWhole() throws Exception {
        Path out = temp.resolve("site");
        DashboardWriter.write(ReleaseJsonTest.model("1.4.0"), out);
        Files.writeString(out.resolve("badges/stale.svg"), "<svg/>");

        DashboardWriter.write(ReleaseJsonTest.model("1.4.1"), out);

        assertThat(Files.readString(out.resolve("index.html"))).contains("<td class=\"version\">1.4.1</td>");
        assertThat(out.resolve("badges/stale.svg")).doesNotExist();
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotADashboard() throws Exception {
        Path out = Files.createDirectory(temp.resolve("home"));
        Files.writeString(out.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DashboardWriter.write(ReleaseJsonTest.model("1.4.0"), out))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("dashboard directory " + out + " holds other files and no dashboard; name an empty or new directory");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("home");
        }
    }

    @Test
    void refusesTwoBadgesUnderOneFileName() {
        ModelKitRow a = new ModelKitRow("fraud detector", List.of(StageEntry.empty("dev", "r/a", "dev")));
        ModelKitRow b = new ModelKitRow("fraud_detector", List.of(StageEntry.empty("dev", "r/b", "dev")));
        ReleaseModel model = new ReleaseModel(Instant.EPOCH, List.of("dev"), List.of(a, b), List.of());

        assertThatThrownBy(() -> DashboardWriter.write(model, temp.resolve("site")))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("badge badges/fraud_detector-dev.svg would be written for ModelKit 'fraud_detector' stage 'dev'"
                        + " and for ModelKit 'fraud detector' stage 'dev'; name the release lines apart");
        assertThat(temp.resolve("site")).doesNotExist();
    }
}
