package io.modelkit.core.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StagesReaderTest {
    private static final Path DIR = Path.of("/repo/.modelkit");

    private static Stages read(String yaml) {
        return StagesReader.read(yaml, ".modelkit/stages.yaml", DIR);
    }

    @Test
    void shouldReadOrderedStagesWithPoliciesRelativeToTheFile() {
        Stages stages = read("""
                version: 1
                stages:
                  - name: dev
                    repository: registry.example.com:5000/ml/fraud-dev
                  - name: prod
                    repository: other.example.com/ml/fraud
                    policy: gates/prod.yaml
                    from: dev
                    tags: [champion, prod]
                """);

        assertThat(stages.stages()).extracting(Stage::name).containsExactly("dev", "prod");
        Stage dev = stages.stage("dev");
        assertThat(dev.registry()).isEqualTo("registry.example.com:5000");
        assertThat(dev.repository()).isEqualTo("ml/fraud-dev");
        assertThat(dev.policy()).isNull();
        assertThat(dev.from()).isNull();
        Stage prod = stages.stage("prod");
        assertThat(prod.location()).isEqualTo("other.example.com/ml/fraud");
        assertThat(prod.policy()).isEqualTo(Path.of("/repo/.modelkit/gates/prod.yaml"));
        assertThat(prod.from()).isEqualTo("dev");
        assertThat(prod.movingTags()).containsExactly("prod", "champion");
    }

    @Test
    void shouldNameFileLineAndColumnOfEveryMistake() {
        assertThatThrownBy(() -> read("stages:\n  - name: dev\n    repo: r.example.com/a\n"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage(".modelkit/stages.yaml:3:5: stages[0]: unknown key 'repo' (expected name, repository, policy, from, tags)");
        assertThatThrownBy(() -> read("""
                stages:
                  - name: dev
                    repository: r.example.com/a
                  - name: prod
                    repository: r.example.com/b
                    from: staging
                """)).hasMessage(".modelkit/stages.yaml:6:11: stages[1].from: no earlier stage 'staging'");
        assertThatThrownBy(() -> read("stages:\n  - name: dev\n    repository: r.example.com/a:1\n"))
                .hasMessage(".modelkit/stages.yaml:3:17: stages[0].repository: expected host/repository without tag or digest, got 'r.example.com/a:1'");
        assertThatThrownBy(() -> read("stages:\n  - name: dev\n    repository: ml/a\n"))
                .hasMessage(".modelkit/stages.yaml:2:5: stages[0].repository: 'ml/a' names no registry host");
        assertThatThrownBy(() -> read("stages:\n  - name: a\n    repository: r.example.com/a\n  - name: b\n    repository: r.example.com/b\n"))
                .hasMessage(".modelkit/stages.yaml:4:5: stages[1]: needs 'from' (only the first stage has none)");
        assertThatThrownBy(() -> read("stages: []\nstages: []\n"))
                .hasMessage(".modelkit/stages.yaml:2:1: duplicate key 'stages'");
        assertThatThrownBy(() -> read("stages:\n  - name: a\n    repository: r.example.com/a\n    tags: [':bad']\n"))
                .hasMessage(".modelkit/stages.yaml:4:12: stages[0].tags[0]: ':bad' is not a valid tag");
    }

    @Test
    void shouldRejectAnUnknownStageListingTheKnownOnes() {
        Stages stages = read("stages:\n  - name: dev\n    repository: r.example.com/a\n");
        assertThatThrownBy(() -> stages.stage("prod"))
                .hasMessage("unknown stage 'prod' in .modelkit/stages.yaml (stages: dev)");
    }
}
