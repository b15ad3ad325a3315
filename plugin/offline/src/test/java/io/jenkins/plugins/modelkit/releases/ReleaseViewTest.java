package io.jenkins.plugins.modelkit.releases;

import static io.jenkins.plugins.modelkit.releases.ReleaseIndexTest.DIGEST_A;
import static io.jenkins.plugins.modelkit.releases.ReleaseIndexTest.DIGEST_B;
import static io.jenkins.plugins.modelkit.releases.ReleaseIndexTest.promotion;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.modelkit.releases.ReleaseIndex.Promotion;
import io.jenkins.plugins.modelkit.releases.ReleaseView.Cell;
import io.modelkit.core.dashboard.GateOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard model over the index: newest promotion per stage, only readable jobs, the timeline. */
class ReleaseViewTest {
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final List<String> STAGES = List.of("dev", "staging", "prod");

    private final List<Promotion> newestFirst = List.of(
            promotion("fraud", 3, "fraud-detector", "staging", DIGEST_B, "1.5.0", "2026-11-03T10:00:00Z"),
            promotion("secret", 9, "secret-model", "prod", DIGEST_B, "9.0.0", "2026-11-02T12:00:00Z"),
            promotion("fraud", 2, "fraud-detector", "prod", DIGEST_A, "1.4.0", "2026-11-02T10:00:00Z"),
            promotion("fraud", 1, "fraud-detector", "staging", DIGEST_A, "1.4.0", "2026-11-01T10:00:00Z"));

    @Test
    void shouldShowWhatEachStageHoldsForTheJobsTheUserCanRead() {
        ReleaseView view = ReleaseView.of(STAGES, newestFirst, Set.of("fraud")::contains, NOW);

        assertThat(view.getStages()).containsExactly("dev", "staging", "prod");
        assertThat(view.getModelKits()).extracting(ReleaseView.Row::getName).containsExactly("fraud-detector");
        List<Cell> cells = view.getModelKits().get(0).getStages();
        assertThat(cells).extracting(Cell::getStage).containsExactly("dev", "staging", "prod");
        assertThat(cells.get(0).isEmpty()).isTrue();
        assertThat(cells.get(0).getDigest()).isNull();
        assertThat(cells.get(1).getVersion()).isEqualTo("1.5.0");
        assertThat(cells.get(1).getDigest()).isEqualTo(DIGEST_B);
        assertThat(cells.get(1).getShortDigest()).isEqualTo("bbbbbbbbbbbb");
        assertThat(cells.get(1).getBuildUrl()).isEqualTo("https://ci.example.com/job/fraud/3/");
        assertThat(cells.get(2).getVersion()).isEqualTo("1.4.0");
        assertThat(cells.get(2).getGate()).isEqualTo("passed");
        assertThat(view.getTimeline()).extracting(e -> e.getStage() + " " + e.getDigest().substring(7, 8))
                .containsExactly("staging b", "prod a", "staging a");
        assertThat(view.json()).contains("\"modelKits\":[{\"name\":\"fraud-detector\"").doesNotContain("secret-model");
    }

    @Test
    void shouldShowNothingWithoutReadableJobs() {
        ReleaseView view = ReleaseView.of(STAGES, newestFirst, job -> false, NOW);

        assertThat(view.isEmpty()).isTrue();
        assertThat(view.getTimeline()).isEmpty();
        assertThat(view.entry("fraud-detector", "prod")).isEmpty();
    }

    @Test
    void shouldFindTheEntryOfABadge() {
        ReleaseView view = ReleaseView.of(STAGES, newestFirst, "fraud"::equals, NOW);

        assertThat(view.entry("fraud-detector", "prod")).hasValueSatisfying(entry -> {
            assertThat(entry.version()).isEqualTo("1.4.0");
            assertThat(entry.gate()).isEqualTo(GateOutcome.PASSED);
        });
        assertThat(view.entry("fraud-detector", "dev")).hasValueSatisfying(entry -> assertThat(entry.isEmpty()).isTrue());
        assertThat(view.entry("fraud-detector", "qa")).isEmpty();
    }

    @Test
    void shouldLinkOnlyToHttpBuildUrls() {
        Promotion hostile = new Promotion("fraud", 4, "fraud-detector", "dev", "promotion", "registry.example.com/ml/fraud-dev",
                List.of("dev"), DIGEST_B, "1.6.0", "registry.example.com/ml/fraud-dev@" + DIGEST_B, "mallory",
                "2026-11-04T10:00:00Z", "javascript:alert(document.cookie)", "PASS", false);

        ReleaseView view = ReleaseView.of(STAGES, List.of(hostile), "fraud"::equals, NOW);

        assertThat(view.getModelKits().get(0).getStages().get(0).getBuildUrl()).isNull();
        assertThat(view.getTimeline()).singleElement().satisfies(event -> assertThat(event.getBuildUrl()).isNull());
        assertThat(view.json()).doesNotContain("javascript:");
    }
}
