package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.dashboard.Badge;
import io.modelkit.core.dashboard.GateOutcome;
import io.modelkit.core.dashboard.PromotedLine;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelkit dashboard} and {@code modelkit badge} over a line promoted dev → staging → prod on a real registry. */
class DashboardCliTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path temp;

    static PromotedLine line;
    static Path ciPublic;
    static Path gatePublic;

    private final CliRunner cli = new CliRunner(temp.resolve("home"));

    @BeforeAll
    static void promote() throws Exception {
        line = new PromotedLine(REGISTRY, temp);
        ciPublic = Files.write(temp.resolve("ci.pub"), KeyFiles.publicPem(line.ci.publicKey()));
        gatePublic = Files.write(temp.resolve("gate.pub"), KeyFiles.publicPem(line.gate.publicKey()));
    }

    @Test
    void writesTheDashboardOfTheStagesFile() throws Exception {
        Path out = temp.resolve("site-" + System.nanoTime());

        CliRunner.Result result = cli.run("dashboard", "--stages", line.stagesFile.toString(), "--out", out.toString(),
                "--trusted-key", ciPublic.toString(), "--trusted-key", gatePublic.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Wrote dashboard " + out + ": 1 ModelKit, 3 stages, 3 badges, 5 promotions; open "
                + out.resolve("index.html") + "\n");
        JsonNode data = new ObjectMapper().readTree(out.resolve("releases.json").toFile());
        JsonNode stages = data.path("modelKits").path(0).path("stages");
        assertThat(data.path("modelKits").path(0).path("name").asText()).isEqualTo("sentiment-classifier");
        assertThat(texts(stages, "version")).containsExactly("1.5.0", "1.5.0", "1.4.0");
        assertThat(texts(stages, "digest")).containsExactly(line.v2.toString(), line.v2.toString(), line.v1.toString());
        assertThat(texts(stages, "promotedBy")).containsExactly("alice", "bob", "carol");
        assertThat(texts(stages, "gate")).containsExactly("unknown", "warned", "passed");
        assertThat(stages.path(2).path("provenance").toString()).isEqualTo("{\"signed\":true,\"verified\":true,"
                + "\"keyFingerprint\":\"sha256:" + line.ci.fingerprint().hex() + "\"}");
        assertThat(stages.path(2).path("changes").toString()).isEqualTo("[{\"path\":\"model.parameters.training.epochs\","
                + "\"old\":\"60\",\"new\":\"40\",\"kind\":\"changed\"},{\"path\":\"model.parameters.training.learning_rate\","
                + "\"old\":\"0.01\",\"new\":\"0.05\",\"kind\":\"changed\"}]");
        assertThat(data.path("timeline")).hasSize(5);
        assertThat(Files.readString(out.resolve("index.html"))).contains(
                "<script type=\"application/json\" id=\"release-data\">" + Files.readString(out.resolve("releases.json")));
        assertThat(Files.readString(out.resolve("badges/sentiment-classifier-staging.svg")))
                .isEqualTo(new Badge("staging", "sentiment-classifier 1.5.0", GateOutcome.WARNED).svg());

        CliRunner.Result again = cli.run("dashboard", "--stages", line.stagesFile.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        // without trusted keys nothing verifies and only the records' gate outcomes remain
        JsonNode unverified = new ObjectMapper().readTree(out.resolve("releases.json").toFile());
        assertThat(texts(unverified.path("modelKits").path(0).path("stages"), "gate"))
                .containsExactly("unknown", "unknown", "passed");
        assertThat(unverified.path("modelKits").path(0).path("stages").path(2).path("provenance").path("verified")
                .asBoolean()).isFalse();
    }

    @Test
    void writesTheBadgeOfAStage() throws Exception {
        Path svg = temp.resolve("prod-" + System.nanoTime() + ".svg");

        CliRunner.Result result = cli.run("badge", "--stages", line.stagesFile.toString(), "--stage", "prod",
                "--out", svg.toString(), "--trusted-key", gatePublic.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Wrote badge " + svg + " (prod | sentiment-classifier 1.4.0, passed)\n");
        assertThat(Files.readString(svg)).isEqualTo(new Badge("prod", "sentiment-classifier 1.4.0", GateOutcome.PASSED).svg());

        CliRunner.Result named = cli.run("badge", "--stages", line.stagesFile.toString(), "--stage", "staging",
                "--modelkit", "fraud-detector", "--out", svg.toString(), "--trusted-key", gatePublic.toString());
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(Files.readString(svg)).isEqualTo(new Badge("staging", "fraud-detector 1.5.0", GateOutcome.WARNED).svg());
    }

    @Test
    void writesAFreeBadge() throws Exception {
        Path svg = temp.resolve("free-" + System.nanoTime() + ".svg");

        CliRunner.Result result = cli.run("badge", "--label", "model", "--message", "fraud <1.4.0>", "--status", "FAILED",
                "--out", svg.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(svg)).isEqualTo(new Badge("model", "fraud <1.4.0>", GateOutcome.FAILED).svg())
                .contains("fraud &lt;1.4.0&gt;");
    }

    @Test
    void rejectsWrongUseWithAMessageAndNoFile() {
        Path svg = temp.resolve("never.svg");

        CliRunner.Result status = cli.run("badge", "--label", "a", "--message", "b", "--status", "green", "--out", svg.toString());
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("'green' is not a status; use passed, warned, failed or unknown");

        CliRunner.Result both = cli.run("badge", "--label", "a", "--message", "b", "--stages", line.stagesFile.toString(),
                "--stage", "prod", "--out", svg.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        CliRunner.Result unknown = cli.run("badge", "--stages", line.stagesFile.toString(), "--stage", "qa",
                "--out", svg.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown stage 'qa' in " + line.stagesFile + " (stages: dev, staging, prod)");
        assertThat(svg).doesNotExist();
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotADashboard() throws Exception {
        Path home = Files.createDirectories(temp.resolve("not-a-site"));
        Files.writeString(home.resolve("notes.txt"), "keep");

        CliRunner.Result result = cli.run("dashboard", "--stages", line.stagesFile.toString(), "--out", home.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("dashboard directory " + home + " holds other files and no dashboard");
        assertThat(Files.readString(home.resolve("notes.txt"))).isEqualTo("keep");
    }

    @Test
    void escapesAHostileKitfileVersionPackedPushedAndPromoted() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>";
        Path project = Contexts.copyOfExample(temp.resolve("hostile-project"));
        Path kitfile = project.resolve("Kitfile");
        Files.writeString(kitfile, Files.readString(kitfile).replace("  version: 1.4.0\n  description: Three",
                "  version: '" + hostile + "'\n  description: Three"));
        String repository = REGISTRY.host() + "/ml/hostile-" + System.nanoTime();
        Path stagesFile = Files.writeString(temp.resolve("hostile-stages.yaml"), """
                stages:
                  - name: dev
                    repository: %s-dev
                """.formatted(repository));
        CliRunner runner = new CliRunner(temp.resolve("home")).env("USER", "<b>mallory</b>");
        CliRunner.Result packed = runner.run("pack", project.toString(), "-t", repository + ":x", "--push");
        assertThat(packed.exitCode()).as(packed.toString()).isZero();
        CliRunner.Result promoted = runner.run("promote", repository + ":x", "--to", "dev", "--stages", stagesFile.toString());
        assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
        Path out = temp.resolve("hostile-site");

        CliRunner.Result result = runner.run("dashboard", "--stages", stagesFile.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("<td class=\"version\">&lt;img src=x onerror=alert(1)&gt;</td>",
                "<td class=\"promoted-by\">&lt;b&gt;mallory&lt;/b&gt;</td>").doesNotContain("<img src=x", "<b>mallory");
        assertThat(page.split("<img ", -1)).hasSize(2); // the badge only
        assertThat(new ObjectMapper().readTree(out.resolve("releases.json").toFile()).path("modelKits").path(0)
                .path("stages").path(0).path("version").asText()).isEqualTo(hostile);
        assertThat(Files.readString(out.resolve("badges/sentiment-classifier-dev.svg")))
                .isEqualTo(new Badge("dev", "sentiment-classifier " + hostile, GateOutcome.UNKNOWN).svg())
                .contains("sentiment-classifier &lt;img src=x onerror=alert(1)&gt;");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
