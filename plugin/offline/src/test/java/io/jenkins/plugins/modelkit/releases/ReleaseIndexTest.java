package io.jenkins.plugins.modelkit.releases;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.modelkit.releases.ReleaseIndex.Promotion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved index of promotions: kept newest first across restarts, stage order merged, history bounded. */
class ReleaseIndexTest {
    static final String DIGEST_A = "sha256:" + "a".repeat(64);
    static final String DIGEST_B = "sha256:" + "b".repeat(64);

    @TempDir
    Path temp;

    static Promotion promotion(String job, int build, String modelKit, String stage, String digest, String version, String at) {
        return new Promotion(job, build, modelKit, stage, "promotion", "registry.example.com/ml/" + modelKit + "-" + stage,
                List.of(version, stage), digest, version, "registry.example.com/ml/" + modelKit + "-dev@" + digest, "alice",
                at, "https://ci.example.com/job/" + job + "/" + build + "/", "PASS", false);
    }

    @Test
    void shouldKeepPromotionsNewestFirstInAFileThatANewIndexReads() throws Exception {
        Path file = temp.resolve("index.json");
        ReleaseIndex index = new ReleaseIndex(file);
        Promotion first = promotion("fraud", 1, "fraud-detector", "staging", DIGEST_A, "1.4.0", "2026-11-01T10:00:00Z");
        Promotion second = promotion("fraud", 2, "fraud-detector", "prod", DIGEST_A, "1.4.0", "2026-11-02T10:00:00Z");

        index.add(first, List.of("dev", "staging", "prod"));
        index.add(second, List.of("dev", "staging", "prod"));

        assertThat(index.promotions()).containsExactly(second, first);
        ReleaseIndex reread = new ReleaseIndex(file);
        assertThat(reread.promotions()).containsExactly(second, first);
        assertThat(reread.stages()).containsExactly("dev", "staging", "prod");
        assertThat(reread.promotions().get(0).at()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"modelKit\" : \"fraud-detector\"");
    }

    @Test
    void shouldCreateTheDirectoryOfItsFile() throws Exception {
        Path file = temp.resolve("home/not/yet/index.json");

        new ReleaseIndex(file).add(promotion("fraud", 1, "fraud-detector", "prod", DIGEST_A, "1.4.0",
                "2026-11-01T10:00:00Z"), List.of("prod"));

        assertThat(new ReleaseIndex(file).promotions()).hasSize(1);
    }

    @Test
    void shouldStartEmptyWithoutAFile() throws Exception {
        ReleaseIndex index = new ReleaseIndex(temp.resolve("absent.json"));

        assertThat(index.promotions()).isEmpty();
        assertThat(index.stages()).isEmpty();
        assertThat(temp.resolve("absent.json")).doesNotExist();
    }

    @Test
    void shouldMergeStageOrdersOfSeveralLines() {
        assertThat(ReleaseIndex.merge(List.of("dev", "staging", "prod"), List.of("dev", "qa", "prod")))
                .containsExactly("dev", "qa", "staging", "prod");
        assertThat(ReleaseIndex.merge(List.of("staging", "prod"), List.of("sandbox", "staging")))
                .containsExactly("sandbox", "staging", "prod");
        assertThat(ReleaseIndex.merge(List.of(), List.of("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void shouldBoundTheHistoryButKeepWhatEachStageHolds() throws Exception {
        ReleaseIndex index = new ReleaseIndex(temp.resolve("index.json"));
        index.add(promotion("other", 1, "old-model", "prod", DIGEST_B, "0.1.0", "2026-01-01T00:00:00Z"), List.of("prod"));
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < ReleaseIndex.HISTORY + 5; i++) {
            index.add(promotion("fraud", i + 1, "fraud-detector", "prod", DIGEST_A, "1." + i + ".0",
                    start.plusSeconds(i).toString()), List.of("prod"));
        }

        List<Promotion> kept = new ReleaseIndex(temp.resolve("index.json")).promotions();

        assertThat(kept).hasSize(ReleaseIndex.HISTORY + 2);
        assertThat(kept.get(0).build()).isEqualTo(ReleaseIndex.HISTORY + 5);
        assertThat(kept).filteredOn(p -> p.modelKit().equals("old-model")).singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo("0.1.0"));
    }
}
