package io.jenkins.plugins.modelkit.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.support.TestJob;
import io.jenkins.plugins.modelkit.support.TestRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One action per reference, each with a URL of its own that stays when the ModelKit is recorded again. */
class ModelKitRecorderTest {
    private static ModelKitSummary summary(String reference, String digest) {
        return new ModelKitSummary(reference, digest, "application/vnd.oci.image.manifest.v1+json", 100,
                List.of(Map.of("mediaType", "m", "digest", "sha256:1", "size", 5L, "path", "model.bin")),
                Map.of("name", "demo"), Map.of("name", "m"), null, Map.of());
    }

    @Test
    void shouldKeepEveryPageReachable() throws Exception {
        TestRun run = new TestRun(new TestJob("j"));
        ModelKitRecorder.record(run, "packed", summary("a:1", "sha256:aa"));
        ModelKitRecorder.record(run, "packed", summary("b:1", "sha256:bb"));
        ModelKitRecorder.record(run, "pushed", summary("a:1", "sha256:aa"));
        ModelKitRecorder.record(run, "pushed", summary("a:1", "sha256:aa"));

        List<ModelKitAction> actions = run.getActions(ModelKitAction.class);
        assertThat(actions).extracting(ModelKitAction::getReference).containsExactlyInAnyOrder("a:1", "b:1");
        assertThat(actions).extracting(ModelKitAction::getUrlName).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("modelkit-0", "modelkit-1");
        assertThat(run.getActions(ModelKitBadgeAction.class)).hasSize(1);
        assertThat(run.saves()).isEqualTo(4);
    }
}
