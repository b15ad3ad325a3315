package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.modelkit.actions.DiffAction;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.oci.Digest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * modelkitDiff and modelkitGate end to end against a real registry: two versions of the example
 * project, the second with a higher learning rate, compared and gated on the agent.
 */
class DiffAndGateStepsTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("v1"));
        Path v2 = Projects.copyExample(workspace.resolve("v2"));
        Path kitfile = v2.resolve("Kitfile");
        Files.writeString(kitfile, Files.readString(kitfile)
                .replace("version: 1.4.0", "version: 1.5.0")
                .replace("learning_rate: 0.05", "learning_rate: 0.06"));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        agent.run().number = 1000 + (int) (System.nanoTime() % 100000);
    }

    private String pushed(String directory, String tag) throws Exception {
        String reference = REGISTRY.host() + "/ml/sentiment:" + tag;
        PackStep pack = new PackStep(reference);
        pack.setContextDir(directory);
        pack.setPush(true);
        agent.call(pack);
        return reference;
    }

    private static Digest digest(String tag) throws Exception {
        return Digest.sha256(RegistryClient.builder(REGISTRY.host()).build().getManifest("ml/sentiment", tag).bytes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReturnTheDiffAndAddAPageForEachDiff() throws Exception {
        String a = pushed("v1", "1.4.0");
        String b = pushed("v2", "1.5.0");
        DiffStep step = new DiffStep(a, b);
        step.setRemote(true);

        Map<String, Object> diff = agent.call(step);

        assertThat((Map<String, Object>) diff.get("a")).containsEntry("reference", a).containsEntry("digest", digest("1.4.0").toString());
        assertThat((Map<String, Object>) diff.get("b")).containsEntry("reference", b).containsEntry("digest", digest("1.5.0").toString());
        assertThat(diff).containsEntry("identical", false);
        assertThat((List<Map<String, Object>>) diff.get("kitfile")).extracting(change -> change.get("path"))
                .containsExactly("package.version", "model.version");
        Map<String, Object> learningRate = ((List<Map<String, Object>>) diff.get("hyperparameters")).stream()
                .filter(change -> "model.parameters.training.learning_rate".equals(change.get("path"))).findFirst().orElseThrow();
        assertThat(learningRate).containsEntry("kind", "changed")
                .containsEntry("old", new BigDecimal("0.05")).containsEntry("new", new BigDecimal("0.06"))
                .containsEntry("absoluteChange", new BigDecimal("0.01")).containsEntry("relativeChange", new BigDecimal("0.2"));
        assertThat(agent.log()).contains("Compared " + a + " (" + digest("1.4.0") + ") with " + b);

        DiffAction action = agent.run().getAction(DiffAction.class);
        assertThat(action.getUrlName()).isEqualTo("modelkit-diff-0");
        assertThat(action.getKitfileChanges()).isEqualTo(2);
        assertThat(action.getHyperparameterRows()).filteredOn(row -> row.get("path").endsWith("training.learning_rate"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("oldValue", "0.05").containsEntry("newValue", "0.06")
                        .containsEntry("absoluteChange", "+0.01").containsEntry("relativeChange", "+20%"));
        assertThat(action.getKitfileRows()).first().isEqualTo(Map.of("path", "package.version", "oldValue", "1.4.0", "newValue", "1.5.0"));
        Path markdown = agent.run().getRootDir().toPath().resolve("modelkit-diff-0.md");
        assertThat(Files.readString(markdown, StandardCharsets.UTF_8)).isEqualTo(action.getMarkdown()).contains("learning_rate");

        Map<String, Object> same = agent.call(new DiffStep(a, a));

        assertThat(same).containsEntry("identical", true);
        assertThat(agent.run().getActions(DiffAction.class)).extracting(DiffAction::getUrlName)
                .containsExactly("modelkit-diff-0", "modelkit-diff-1");
        assertThat(agent.run().getActions(DiffAction.class).get(1).isIdentical()).isTrue();
    }

    @Test
    void shouldNameTheReferenceThatCannotBeRead() throws Exception {
        String a = pushed("v1", "1.4.0");
        DiffStep step = new DiffStep(a, REGISTRY.host() + "/ml/sentiment:9.9.9");
        step.setRemote(true);

        assertThatThrownBy(() -> agent.call(step)).isInstanceOf(AbortException.class).hasMessageContaining("9.9.9");
        assertThat(agent.run().getActions(DiffAction.class)).isEmpty();
    }

    @Test
    void shouldRequireBothReferences() {
        assertThatThrownBy(() -> agent.call(new DiffStep("a:1", " "))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'b' is required");
    }
}
