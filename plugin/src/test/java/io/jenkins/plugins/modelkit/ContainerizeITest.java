package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Label;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.steps.ContainerizeStep;
import io.modelkit.core.container.Tools;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * modelkitContainerize through a real pipeline on a real agent (a separate JVM, so jib runs behind
 * remoting) against a real registry: a ModelKit packed and pushed by the same job, a busybox base
 * image built with umoci, the image checked with skopeo; and the step through its config form.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.ContainerizeITest#registryAndImageToolsInstalled",
        disabledReason = "needs /usr/bin/docker-registry, umoci, skopeo and /bin/busybox (Debian packages)")
class ContainerizeITest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final Pattern PACK_DIGEST = Pattern.compile("PACK_DIGEST=(sha256:[0-9a-f]{64})");

    /** What {@link Tools#pushBusyboxBase} runs, besides the registry {@link TestRegistries} checks for. */
    private static final List<Path> IMAGE_TOOLS =
            List.of(Path.of("/usr/bin/umoci"), Path.of("/usr/bin/skopeo"), Path.of("/bin/busybox"));

    @TempDir
    Path temp;

    /** Condition for {@code @EnabledIf}. */
    static boolean registryAndImageToolsInstalled() {
        return TestRegistries.dockerRegistryInstalled() && IMAGE_TOOLS.stream().allMatch(Files::isExecutable);
    }

    @Test
    void buildsAServingImageOnAnAgentAndListsItWithItsModelKit(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("modelkit"));
        String modelKit = REGISTRY.host() + "/ml/demo:1";
        Tools.pushBusyboxBase(Files.createDirectories(temp.resolve("base")), REGISTRY.host(), "runtime/busybox", "1");
        String base = REGISTRY.host() + "/runtime/busybox:1";
        String target = REGISTRY.host() + "/serving/demo:1";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "serving");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  def packed = modelkitPack(contextDir: 'project', reference: '" + modelKit
                        + "', push: true, plainHttp: true)\n"
                        + "  echo \"PACK_DIGEST=${packed.digest}\"\n"
                        + "  def image = modelkitContainerize(reference: '" + modelKit + "', base: '" + base
                        + "', to: '" + target + "', modelDir: '/srv/model', entrypoint: '/bin/sh\\n-c\\nexec sleep 3600',"
                        + " env: 'MODEL_DIR=/srv/model\\nLOG_LEVEL=info', ports: '8080, 9090', include: 'model',"
                        + " plainHttp: true)\n"
                        + "  echo \"IMAGE=${image.image} IMAGE_DIGEST=${image.imageDigest}\"\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertSuccess(p);

        String log = JenkinsRule.getLog(build);
        Matcher matcher = PACK_DIGEST.matcher(log);
        assertThat(matcher.find()).as("the echoed pack digest in:%n%s", log).isTrue();
        String packDigest = matcher.group(1);
        // skopeo, an independent client, says what the registry holds under the target tag
        String pushed = new ObjectMapper().readTree(Tools.run("skopeo", "inspect", "--tls-verify=false",
                "docker://" + target)).path("Digest").asText();
        assertThat(pushed).startsWith("sha256:").isNotEqualTo(packDigest);
        j.assertLogContains("IMAGE=" + target + " IMAGE_DIGEST=" + pushed, build);
        j.assertLogContains("Built " + target + " (" + pushed + ") from " + modelKit, build);

        JsonNode config = new ObjectMapper().readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "--config",
                "docker://" + target)).path("config");
        assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"exec sleep 3600\"]");
        assertThat(config.path("Env").toString()).contains("\"MODEL_DIR=/srv/model\"", "\"LOG_LEVEL=info\"");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").has("9090/tcp")).isTrue();
        assertThat(config.path("Labels").toString()).contains(packDigest);

        List<ModelKitAction> withImages = build.getActions(ModelKitAction.class).stream()
                .filter(action -> !action.getImages().isEmpty())
                .toList();
        assertThat(withImages).singleElement().satisfies(action -> {
            assertThat(action.getDigest()).isEqualTo(packDigest);
            assertThat(action.getImages()).singleElement().satisfies(image -> {
                assertThat(image.getReference()).isEqualTo(target);
                assertThat(image.getDigest()).isEqualTo(pushed);
            });
        });
    }

    @Test
    void keepsEveryOptionThroughTheSnippetGenerator(JenkinsRule j) throws Exception {
        // The credentials dropdowns offer only ids that exist.
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "reg", "test registry", "ci-robot", "registry-Passw0rd-7f3c9a1e"));
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "signing-key", "signing key",
                "cosign.key", SecretBytes.fromRawBytes("not a key".getBytes(StandardCharsets.US_ASCII))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-password",
                "its password", Secret.fromString("k3y-Passw0rd-for-signing")));
        store.save();

        ContainerizeStep step = new ContainerizeStep("registry.example.com:5000/ml/sentiment:1.4.0");
        step.setBase("registry.example.com:5000/runtime/python:3.12-slim");
        step.setTo("tar:images/sentiment.tar");
        step.setModelDir("/srv/model");
        step.setEntrypoint("python\n-m\nserve --port 8080");
        step.setEnv("MODEL_DIR=/srv/model\nLOG_LEVEL=info");
        step.setPorts("8080, 9090");
        step.setInclude("model,code");
        step.setCreated(true);
        step.setKeyCredentialsId("signing-key");
        step.setPasswordCredentialsId("signing-password");
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa("/etc/ssl/private-registry-ca.pem");
        step.setConcurrency(2);

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }
}
