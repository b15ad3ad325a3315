package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.actions.ModelKitBadgeAction;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step end to end, as a pipeline on an agent runs them: the work happens through
 * {@code FilePath.act} next to the workspace, against a real registry; what the steps return,
 * what the registry holds and what the build records are checked.
 */
class StepsEndToEndTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> layers(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("layers");
    }

    @Test
    void shouldPackPushPullUnpackAndInspect() throws Exception {
        String reference = REGISTRY.host() + "/ml/sentiment:1.4.0";
        PackStep pack = new PackStep(reference);
        pack.setContextDir("project");
        pack.setPush(true);

        Map<String, Object> packed = agent.call(pack);

        String digest = (String) packed.get("digest");
        assertThat(digest).startsWith("sha256:");
        assertThat(packed).containsEntry("reference", reference).containsEntry("pushed", true)
                .containsEntry("mediaType", "application/vnd.oci.image.manifest.v1+json");
        assertThat((List<?>) packed.get("layers")).hasSize(7);
        assertThat(map(packed.get("package"))).containsEntry("name", "sentiment-classifier");
        assertThat(map(packed.get("model"))).containsKey("parameters");
        RegistryClient registry = RegistryClient.builder(REGISTRY.host()).build();
        assertThat(Digest.sha256(registry.getManifest("ml/sentiment", "1.4.0").bytes()).toString()).isEqualTo(digest);
        ModelKitAction action = agent.run().getAction(ModelKitAction.class);
        assertThat(action.getReference()).isEqualTo(reference);
        assertThat(action.getDigest()).isEqualTo(digest);
        assertThat(action.isPushed()).isTrue();
        assertThat(action.getLayers()).hasSize(7);
        assertThat(action.getRun()).isSameAs(agent.run());
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).singleElement()
                .satisfies(badge -> assertThat(badge.getTooltip()).isEqualTo("ModelKit " + reference + " @ " + digest));

        StepRunner other = new StepRunner(agent.workspace(), temp.resolve("other-agent-home"));
        Map<String, Object> pulled = other.call(new PullStep(reference));
        assertThat(pulled).containsEntry("digest", digest).containsEntry("blobsCopied", 8);
        assertThat(temp.resolve("other-agent-home/storage/index.json")).exists();

        UnpackStep unpack = new UnpackStep(reference);
        unpack.setDir("out");
        unpack.setFilters("model");
        unpack.setRemote(true);
        Map<String, Object> unpacked = other.call(unpack);
        assertThat(unpacked).containsEntry("digest", digest);
        Path workspace = agent.workspace();
        assertThat(workspace.resolve("out/model/sentiment-linear.safetensors"))
                .hasSameBinaryContentAs(workspace.resolve("project/model/sentiment-linear.safetensors"));
        assertThat(workspace.resolve("out/data")).doesNotExist();

        InspectStep inspect = new InspectStep(reference);
        inspect.setRemote(true);
        Map<String, Object> inspected = agent.call(inspect);
        assertThat(inspected.get("layers")).isEqualTo(packed.get("layers"));
        assertThat(inspected.get("model")).isEqualTo(packed.get("model"));
    }

    @Test
    void shouldPackIntoAnOciLayoutInTheWorkspace() throws Exception {
        PackStep pack = new PackStep("oci:layouts/sentiment:v1");
        pack.setContextDir("project");
        pack.setCompression("zstd");

        Map<String, Object> packed = agent.call(pack);

        assertThat(agent.workspace().resolve("layouts/sentiment/index.json")).exists();
        assertThat(packed).containsEntry("pushed", false);
        assertThat(packed.get("reference")).isEqualTo("oci:" + agent.workspace().resolve("layouts/sentiment") + ":v1");
        assertThat(layers(packed))
                .allSatisfy(layer -> assertThat((String) layer.get("mediaType")).endsWith("+zstd"));
        assertThat(agent.run().getAction(ModelKitAction.class).isPushed()).isFalse();
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).isEmpty();

        PushStep push = new PushStep("oci:layouts/sentiment:v1");
        push.setDestination(REGISTRY.host() + "/ml/from-layout:v1");
        Map<String, Object> pushed = agent.call(push);
        assertThat(pushed.get("digest")).isEqualTo(packed.get("digest"));
        assertThat(agent.run().getActions(ModelKitAction.class)).hasSize(2);
    }

    @Test
    void shouldPushWithoutALocalCopy() throws Exception {
        PackStep pack = new PackStep(REGISTRY.host() + "/ml/streamed:1");
        pack.setContextDir("project");
        pack.setPushOnly(true);

        Map<String, Object> packed = agent.call(pack);

        assertThat(packed).containsEntry("pushed", true).containsEntry("blobsCopied", 8);
        assertThat(temp.resolve("agent-home/storage")).doesNotExist();
        assertThat(agent.log()).contains("without a local copy");
    }

    @Test
    void shouldWriteAReadableLogWithoutFloodingIt() throws Exception {
        PackStep pack = new PackStep(REGISTRY.host() + "/ml/logged:1");
        pack.setContextDir("project");
        pack.setPush(true);

        agent.call(pack);

        List<String> lines = agent.log().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("[modelkit] "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("[modelkit] Packed sha256:"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Pushed sha256:", "(8 blobs sent, 0 already there)"));
        assertThat(lines.size()).as("a bounded number of lines for 7 layers and 8 blobs").isLessThan(60);
    }

    @Test
    void shouldFailWithTheCoreMessageNamingTheFile() throws Exception {
        Files.writeString(agent.workspace().resolve("project/Kitfile"), "manifestVersion: 1.0.0\nmodel:\n  pth: x\n");
        PackStep pack = new PackStep("broken:1");
        pack.setContextDir("project");

        assertThatThrownBy(() -> agent.call(pack))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Kitfile")
                .hasMessageContaining("pth");
        assertThat(agent.run().getActions(ModelKitAction.class)).isEmpty();
    }

    @Test
    void shouldRefuseToPushWithoutAReference() {
        PackStep pack = new PackStep(null);
        pack.setContextDir("project");
        pack.setPush(true);

        assertThatThrownBy(() -> agent.call(pack)).isInstanceOf(AbortException.class)
                .hasMessage("push and pushOnly need a reference that names a registry, e.g. reference: 'registry.example.com/team/model:1.0'");
    }

    @Test
    void shouldNameTheMissingRequiredParameter() {
        assertThatThrownBy(() -> agent.call(new PullStep(" "))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'reference' is required");
    }

    @Test
    void shouldNameTheRegistryAndTagThatDoNotExist() {
        assertThatThrownBy(() -> agent.call(new PullStep(REGISTRY.host() + "/ml/nothing:9")))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining(REGISTRY.host()).hasMessageContaining("ml/nothing").hasMessageContaining("9");
    }

    @Test
    void shouldRefuseBadOptionValuesWhenTheStepIsConfigured() {
        PackStep pack = new PackStep("x:1");
        assertThatThrownBy(() -> pack.setCompression("lz4")).hasMessageContaining("lz4");
        assertThatThrownBy(() -> pack.setConcurrency(0)).hasMessage("concurrency must be at least 1, was 0");
        assertThatThrownBy(() -> new UnpackStep("x:1").setFilters("model;weights")).hasMessageContaining("weights");
    }
}
