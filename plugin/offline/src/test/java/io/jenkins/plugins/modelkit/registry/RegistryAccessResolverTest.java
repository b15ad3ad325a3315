package io.jenkins.plugins.modelkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.modelkit.agent.RegistryAccess;
import io.jenkins.plugins.modelkit.support.TestJob;
import io.jenkins.plugins.modelkit.support.TestRun;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a step reaches a registry when the step, a block and the global configuration each say something. */
class RegistryAccessResolverTest {
    @AfterEach
    void forget() {
        SystemCredentialsProvider.getInstance().getCredentials().clear();
    }

    @Test
    void aBlockAddsCredentialsWithoutDroppingTheGlobalCaOrPlainHttp() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "block", "", "ana", "pw-block-123456"));
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "global", "", "bob", "pw-global-123456"));
        RegistryEntry entry = new RegistryEntry("lab:5000");
        entry.setCredentialsId("global");
        entry.setCaCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        entry.setPlainHttp(true);
        RegistryScope scope = RegistryScope.empty().with(new RegistryScope.Entry("lab:5000", "block", false, null));

        List<RegistryAccess> access = new RegistryAccessResolver(new TestRun(new TestJob("j")), List.of(entry))
                .resolve(null, scope, List.of("lab:5000", "other:443"));

        assertThat(access).hasSize(2);
        RegistryAccess lab = access.get(0);
        assertThat(lab.username()).isEqualTo("ana");
        assertThat(lab.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(lab.plainHttp()).isTrue();
        assertThat(access.get(1).hasCredentials()).isFalse();
        assertThat(access.get(1).plainHttp()).isFalse();
    }

    @Test
    void theStepsOwnCredentialsWinAndABlocksCaFileReplacesTheGlobalCa() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "step", "", "cy", "pw-step-12345678"));
        RegistryEntry entry = new RegistryEntry("lab:5000");
        entry.setCaCertificate("-----BEGIN CERTIFICATE-----\n");
        RegistryScope scope = RegistryScope.empty().with(new RegistryScope.Entry("lab:5000", null, false, "certs/ca.pem"));

        RegistryAccess lab = new RegistryAccessResolver(new TestRun(new TestJob("j")), List.of(entry))
                .resolve("step", scope, List.of("lab:5000")).get(0);

        assertThat(lab.username()).isEqualTo("cy");
        assertThat(lab.caCertificateFile()).isEqualTo("certs/ca.pem");
        assertThat(lab.caCertificatePem()).isNull();
    }
}
