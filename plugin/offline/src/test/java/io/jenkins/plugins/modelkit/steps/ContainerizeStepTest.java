package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.modelkit.core.container.Tools;
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
 * modelkitContainerize on the agent against a real registry: a busybox base image built by the test,
 * the example ModelKit on top, checked with skopeo; the build page lists the image with its ModelKit.
 */
class ContainerizeStepTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;
    private String modelKit;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        modelKit = REGISTRY.host() + "/ml/sentiment:1.4.0";
        PackStep pack = new PackStep(modelKit);
        pack.setContextDir("project");
        pack.setPush(true);
        agent.call(pack);
        Tools.pushBusyboxBase(Files.createDirectories(temp.resolve("base")), REGISTRY.host(), "runtime/busybox", "1");
        base = REGISTRY.host() + "/runtime/busybox:1";
    }

    private ContainerizeStep containerize(String to) {
        ContainerizeStep step = new ContainerizeStep(modelKit);
        step.setBase(base);
        step.setTo(to);
        step.setEntrypoint("/bin/sh\n-c\nexec sleep 3600\n");
        step.setEnv("MODEL_DIR=/srv/model\nLOG_LEVEL=info");
        step.setPorts("8080, 9090");
        step.setInclude("model,code");
        step.setModelDir("/srv/model");
        return step;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBuildTheImageOnTheAgentReturnItsDigestAndShowItWithItsModelKit() throws Exception {
        String target = REGISTRY.host() + "/serving/sentiment:1.4.0";

        Map<String, Object> result = agent.call(containerize(target));

        Digest pushed = Digest.sha256(RegistryClient.builder(REGISTRY.host()).build().getManifest("serving/sentiment", "1.4.0").bytes());
        assertThat(result).containsEntry("image", target).containsEntry("imageDigest", pushed.toString())
                .containsEntry("reference", modelKit).containsEntry("attestation", null);
        assertThat((List<Map<String, Object>>) result.get("modelKitLayers")).extracting(layer -> layer.get("kind") + " " + layer.get("path"))
                .containsExactly("model model/sentiment-linear.safetensors", "code src");
        JsonNode config = new ObjectMapper().readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "--config",
                "docker://" + target)).path("config");
        assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"exec sleep 3600\"]");
        assertThat(config.path("Env").toString()).contains("\"MODEL_DIR=/srv/model\"", "\"LOG_LEVEL=info\"");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").has("9090/tcp")).isTrue();
        assertThat(config.path("Labels").toString()).contains(result.get("digest").toString());
        assertThat(agent.log()).contains("Built " + target + " (" + pushed + ") from " + modelKit);

        ModelKitAction action = agent.run().getAction(ModelKitAction.class);
        assertThat(action.getImages()).singleElement().satisfies(image -> {
            assertThat(image.getReference()).isEqualTo(target);
            assertThat(image.getDigest()).isEqualTo(pushed.toString());
        });

        Map<String, Object> again = agent.call(containerize("tar:images/sentiment.tar"));
        assertThat(again.get("imageDigest")).as("the same inputs give the same image").isEqualTo(pushed.toString());
        assertThat(agent.workspace().resolve("images/sentiment.tar")).isRegularFile();
        assertThat(agent.run().getAction(ModelKitAction.class).getImages()).hasSize(2);
    }

    @Test
    void shouldRefuseMalformedSettingsAndNameAMissingBaseImage() throws Exception {
        ContainerizeStep env = containerize(REGISTRY.host() + "/serving/sentiment:1");
        env.setEnv("NOEQUALS");
        assertThatThrownBy(() -> agent.call(env)).isInstanceOf(AbortException.class)
                .hasMessage("modelkitContainerize env: expected NAME=VALUE, got 'NOEQUALS'");

        ContainerizeStep port = containerize(REGISTRY.host() + "/serving/sentiment:1");
        port.setPorts("http");
        assertThatThrownBy(() -> agent.call(port)).isInstanceOf(AbortException.class)
                .hasMessage("modelkitContainerize ports: 'http' is not a port number");

        ContainerizeStep noBase = containerize(REGISTRY.host() + "/serving/sentiment:1");
        noBase.setBase(REGISTRY.host() + "/runtime/absent:1");
        assertThatThrownBy(() -> agent.call(noBase)).isInstanceOf(AbortException.class)
                .hasMessageContaining("base image " + REGISTRY.host() + "/runtime/absent:1 not found");

        assertThatThrownBy(() -> agent.call(new ContainerizeStep(modelKit))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'base' is required");
        assertThat(agent.run().getAction(ModelKitAction.class).getImages()).isEmpty();
    }

    @Test
    void shouldNameALayoutAsTheStepDoesSoEveryWorkspaceBuildsTheSameImage() throws Exception {
        PackStep pack = new PackStep("oci:kits/sentiment:1.4.0");
        pack.setContextDir("project");
        agent.call(pack);
        Path otherWorkspace = Files.createDirectories(temp.resolve("workspace@2"));
        Projects.copyTree(agent.workspace().resolve("kits"), otherWorkspace.resolve("kits"));
        StepRunner other = new StepRunner(otherWorkspace, temp.resolve("other-agent-home"));

        ContainerizeStep here = new ContainerizeStep("oci:kits/sentiment:1.4.0");
        here.setBase(base);
        here.setTo("tar:image.tar");
        ContainerizeStep there = new ContainerizeStep("oci:kits/sentiment:1.4.0");
        there.setBase(base);
        there.setTo("tar:image.tar");

        Object first = agent.call(here).get("imageDigest");
        Object second = other.call(there).get("imageDigest");

        assertThat(second).as("no workspace path in the image").isEqualTo(first);
        JsonNode labels = new ObjectMapper().readTree(Tools.run("skopeo", "inspect", "--config",
                "oci-archive:" + agent.workspace().resolve("image.tar"))).path("config").path("Labels");
        assertThat(labels.path("io.modelkit.modelkit.reference").asText()).isEqualTo("oci:kits/sentiment:1.4.0");
    }
}
