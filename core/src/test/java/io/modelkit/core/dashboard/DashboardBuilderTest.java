package io.modelkit.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.diff.ChangeKind;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The release model of a line promoted by the real Promoter on a real registry. */
class DashboardBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-05T00:00:00Z");

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path temp;

    static PromotedLine line;

    @BeforeAll
    static void promote() throws Exception {
        line = new PromotedLine(REGISTRY, temp);
    }

    private ReleaseModel build(List<java.security.PublicKey> keys) {
        return new DashboardBuilder(r -> line.client(), keys).build(List.of(line.stages), NOW);
    }

    @Test
    void showsWhatEachStageHoldsAndWhoPutItThere() {
        ReleaseModel model = build(List.of(line.ci.publicKey(), line.gate.publicKey()));

        assertThat(model.generated()).isEqualTo(NOW);
        assertThat(model.stages()).containsExactly("dev", "staging", "prod");
        assertThat(model.modelKits()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("sentiment-classifier");
            assertThat(row.stages()).extracting(StageEntry::stage, StageEntry::repository, StageEntry::tag,
                            StageEntry::digest, StageEntry::version, StageEntry::promotedAt, StageEntry::promotedBy,
                            StageEntry::buildUrl)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("dev", line.repo("dev"), "dev", line.v2, "1.5.0",
                                    PromotedLine.at(4), "alice", PromotedLine.BUILD_URL),
                            org.assertj.core.groups.Tuple.tuple("staging", line.repo("staging"), "staging", line.v2,
                                    "1.5.0", PromotedLine.at(5), "bob", PromotedLine.BUILD_URL),
                            org.assertj.core.groups.Tuple.tuple("prod", line.repo("prod"), "prod", line.v1, "1.4.0",
                                    PromotedLine.at(3), "carol", PromotedLine.BUILD_URL));
        });
    }

    @Test
    void verifiesProvenanceAgainstTheTrustedKeysOnly() {
        List<StageEntry> trusted = build(List.of(line.ci.publicKey())).modelKits().get(0).stages();
        List<StageEntry> untrusted = build(List.of(line.stranger.publicKey())).modelKits().get(0).stages();
        List<StageEntry> noKeys = build(List.of()).modelKits().get(0).stages();

        assertThat(trusted.get(0).provenance()).isEqualTo(ProvenanceSummary.NONE); // 1.5.0 was never attested
        assertThat(trusted.get(2).provenance())
                .isEqualTo(new ProvenanceSummary(true, true, "sha256:" + line.ci.fingerprint().hex()));
        assertThat(untrusted.get(2).provenance()).isEqualTo(new ProvenanceSummary(true, false, null));
        assertThat(noKeys.get(2).provenance()).isEqualTo(new ProvenanceSummary(true, false, null));
    }

    @Test
    void takesTheGateOutcomeFromTrustedSummariesThenFromTheRecord() {
        List<StageEntry> withGateKey = build(List.of(line.ci.publicKey(), line.gate.publicKey(),
                line.stranger.publicKey())).modelKits().get(0).stages();
        List<StageEntry> withoutGateKey = build(List.of(line.ci.publicKey())).modelKits().get(0).stages();

        assertThat(withGateKey).extracting(StageEntry::gate)
                .containsExactly(GateOutcome.FAILED, GateOutcome.WARNED, GateOutcome.PASSED);
        // no trusted summary: dev and staging had no gate, prod's record says PASS
        assertThat(withoutGateKey).extracting(StageEntry::gate)
                .containsExactly(GateOutcome.UNKNOWN, GateOutcome.UNKNOWN, GateOutcome.PASSED);
    }

    @Test
    void diffsTheHyperparametersToThePreviousStage() {
        List<StageEntry> stages = build(List.of()).modelKits().get(0).stages();

        assertThat(stages.get(0).changes()).isEmpty();
        assertThat(stages.get(1).changes()).isEmpty();
        // from staging (1.5.0) to prod (1.4.0), keys in the diff's sorted order
        assertThat(stages.get(2).changes()).containsExactly(
                new ParameterChange("model.parameters.training.epochs", "60", "40", ChangeKind.CHANGED),
                new ParameterChange("model.parameters.training.learning_rate", "0.01", "0.05", ChangeKind.CHANGED));
    }

    @Test
    void listsEveryPromotionNewestFirst() {
        ReleaseModel model = build(List.of());

        assertThat(model.timeline()).extracting(TimelineEvent::at, TimelineEvent::stage, TimelineEvent::digest,
                        TimelineEvent::promotedBy, TimelineEvent::gate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PromotedLine.at(5), "staging", line.v2, "bob", GateOutcome.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(PromotedLine.at(4), "dev", line.v2, "alice", GateOutcome.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(PromotedLine.at(3), "prod", line.v1, "carol", GateOutcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple(PromotedLine.at(2), "staging", line.v1, "bob", GateOutcome.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(PromotedLine.at(1), "dev", line.v1, "alice", GateOutcome.UNKNOWN));
        assertThat(model.timeline()).allSatisfy(e -> assertThat(e.modelKit()).isEqualTo("sentiment-classifier"));
        assertThat(model.timeline().get(0).source()).isEqualTo(line.repo("dev") + "@" + line.v2);
    }

    @Test
    void showsAnEmptyStageOfALineNothingWasPromotedTo() throws Exception {
        Path file = temp.resolve("empty-stages.yaml");
        Files.writeString(file, """
                stages:
                  - name: dev
                    repository: %s/ml/nothing-here-dev
                """.formatted(REGISTRY.host()));

        ReleaseModel model = new DashboardBuilder(r -> line.client(), List.of()).build(List.of(StagesReader.read(file)), NOW);

        assertThat(model.modelKits()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("nothing-here-dev");
            assertThat(row.stages()).containsExactly(StageEntry.empty("dev", REGISTRY.host() + "/ml/nothing-here-dev", "dev"));
        });
        assertThat(model.timeline()).isEmpty();
    }

    @Test
    void writesTheDashboardOfTheLine() throws Exception {
        Path out = temp.resolve("site");

        int badges = DashboardWriter.write(build(List.of(line.ci.publicKey(), line.gate.publicKey())), out);

        assertThat(badges).isEqualTo(3);
        assertThat(Files.readString(out.resolve("badges/sentiment-classifier-prod.svg")))
                .isEqualTo(new Badge("prod", "sentiment-classifier 1.4.0", GateOutcome.PASSED).svg());
        assertThat(Files.readString(out.resolve("badges/sentiment-classifier-staging.svg")))
                .contains("aria-label=\"staging: sentiment-classifier 1.5.0\"", "fill=\"#dfb317\"");
    }
}
