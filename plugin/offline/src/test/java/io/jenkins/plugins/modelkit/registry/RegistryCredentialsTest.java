package io.jenkins.plugins.modelkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.AbortException;
import io.jenkins.plugins.modelkit.steps.PackStep;
import io.jenkins.plugins.modelkit.steps.PullStep;
import io.jenkins.plugins.modelkit.steps.PushStep;
import io.jenkins.plugins.modelkit.steps.WithModelKitRegistryStep;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.jenkins.plugins.modelkit.support.TestStepContext;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry credentials from the Credentials plugin, against a real registry with TLS (a CA made for
 * the test) and htpasswd: from the step, from a {@code withModelKitRegistry} block and from the global
 * configuration. The password never reaches the build log or an error message.
 */
class RegistryCredentialsTest {
    private static final String PASSWORD = "s3cret-Registry-Passw0rd";

    @RegisterExtension
    static final LocalRegistry REGISTRY = LocalRegistry.withTlsAndBasicAuth("builder", PASSWORD);

    @TempDir
    Path temp;

    private StepRunner agent;
    private String pem;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        Files.copy(REGISTRY.caCertificate(), workspace.resolve("registry-ca.pem"));
        pem = Files.readString(REGISTRY.caCertificate());
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        PackStep pack = new PackStep("sentiment:1");
        pack.setContextDir("project");
        agent.call(pack);
        credentials("registry", "builder", PASSWORD);
        credentials("wrong", "builder", "not-the-Passw0rd-at-all");
    }

    @AfterEach
    void forgetCredentials() {
        SystemCredentialsProvider.getInstance().getCredentials().clear();
    }

    private static void credentials(String id, String user, String password) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "test registry", user, password));
    }

    private PushStep push(String tag) {
        PushStep push = new PushStep("sentiment:1");
        push.setDestination(REGISTRY.host() + "/ml/" + tag + ":1");
        return push;
    }

    @Test
    void shouldPushWithTheStepsCredentialsAndCa() throws Exception {
        PushStep push = push("step");
        push.setCredentialsId("registry");
        push.setTlsCa("registry-ca.pem");

        Map<String, Object> pushed = agent.call(push);

        assertThat(pushed).containsEntry("pushed", true).containsEntry("blobsCopied", 8);
        assertThat(agent.log()).contains("Pushed sha256:").doesNotContain(PASSWORD);
    }

    @Test
    void shouldUseTheCredentialsOfTheEnclosingBlock() throws Exception {
        WithModelKitRegistryStep block = new WithModelKitRegistryStep(REGISTRY.host());
        block.setCredentialsId("registry");
        block.setTlsCa("registry-ca.pem");
        TestStepContext context = agent.context().withBody(inside -> agent.call(push("block"), inside));

        Object result = agent.call(block, context);

        assertThat(((Map<?, ?>) result).get("pushed")).isEqualTo(true);
        assertThat(agent.log()).doesNotContain(PASSWORD);
    }

    @Test
    void shouldLetTheInnermostBlockWin() throws Exception {
        WithModelKitRegistryStep outer = new WithModelKitRegistryStep(REGISTRY.host());
        outer.setCredentialsId("wrong");
        outer.setTlsCa("registry-ca.pem");
        WithModelKitRegistryStep inner = new WithModelKitRegistryStep(REGISTRY.host());
        inner.setCredentialsId("registry");
        inner.setTlsCa("registry-ca.pem");
        TestStepContext context = agent.context()
                .withBody(outside -> agent.call(inner, outside.withBody(inside -> agent.call(push("nested"), inside))));

        assertThat(((Map<?, ?>) agent.call(outer, context)).get("pushed")).isEqualTo(true);
    }

    @Test
    void shouldFindTheRegistryInTheGlobalConfiguration() throws Exception {
        RegistryEntry entry = new RegistryEntry(REGISTRY.host());
        entry.setCredentialsId("registry");
        entry.setCaCertificate(pem);
        Registries.configure(entry);
        agent.call(push("global-push"));

        StepRunner other = new StepRunner(agent.workspace(), temp.resolve("other-home"));
        Map<String, Object> pulled = other.call(new PullStep(REGISTRY.host() + "/ml/global-push:1"));

        assertThat(pulled).containsEntry("blobsCopied", 8);
        assertThat(other.log()).doesNotContain(PASSWORD).doesNotContain("BEGIN CERTIFICATE");
    }

    @Test
    void shouldLetTheStepsCredentialsOverrideTheGlobalOnes() throws Exception {
        RegistryEntry entry = new RegistryEntry(REGISTRY.host());
        entry.setCredentialsId("wrong");
        entry.setCaCertificate(pem);
        Registries.configure(entry);
        PushStep push = push("override");
        push.setCredentialsId("registry");

        assertThat(agent.call(push)).containsEntry("pushed", true);
    }

    @Test
    void shouldNameTheRegistryWhenThePasswordIsWrongAndNeverShowIt() {
        PushStep push = push("denied");
        push.setCredentialsId("wrong");
        push.setTlsCa("registry-ca.pem");

        assertThatThrownBy(() -> agent.call(push))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining(REGISTRY.host())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-Passw0rd-at-all").doesNotContain(PASSWORD));
        assertThat(agent.log()).doesNotContain("not-the-Passw0rd-at-all");
    }

    @Test
    void shouldNameACredentialsIdThatDoesNotExist() {
        PushStep push = push("missing");
        push.setCredentialsId("nope");

        assertThatThrownBy(() -> agent.call(push)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("No Username with password credentials with ID 'nope' for registry " + REGISTRY.host());
    }

    @Test
    void shouldFailABlockWhoseCredentialsDoNotExistBeforeItsBodyRuns() {
        WithModelKitRegistryStep block = new WithModelKitRegistryStep(REGISTRY.host());
        block.setCredentialsId("nope");
        boolean[] ran = {false};
        TestStepContext context = agent.context().withBody(inside -> ran[0] = true);

        assertThatThrownBy(() -> agent.call(block, context)).isInstanceOf(AbortException.class)
                .hasMessage("withModelKitRegistry: no Username with password credentials with ID 'nope' for registry "
                        + REGISTRY.host());
        assertThat(ran[0]).isFalse();
    }

    @Test
    void shouldRefuseAnUntrustedCertificate() {
        PushStep push = push("untrusted");
        push.setCredentialsId("registry");

        assertThatThrownBy(() -> agent.call(push)).isInstanceOf(AbortException.class)
                .hasMessageContaining(REGISTRY.host());
    }
}
