package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.steps.PromoteStep;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * modelkitPromote's form through a real submission (the Snippet Generator's path), with every option
 * set and with only the required ones, and the configured stages through the global configuration page.
 */
@WithJenkins
class PromoteConfigITest {
    private static final String REFERENCE = "registry.example.com:5000/ml/fraud-dev:1.4.0";

    @Test
    void promoteKeepsEveryOption(JenkinsRule j) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "promotion-key", "promotion key",
                "cosign.key", SecretBytes.fromRawBytes("not a key".getBytes(StandardCharsets.US_ASCII))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "promotion-password",
                "its password", Secret.fromString("k3y-Passw0rd-for-promotion")));
        store.save();
        PromoteStep step = new PromoteStep(REFERENCE, "staging");
        step.setStagesFile("release/stages.yaml");
        step.setTag("v1.4.0");
        step.setForce(true);
        step.setDryRun(true);
        step.setKeyCredentialsId("promotion-key");
        step.setPasswordCredentialsId("promotion-password");
        step.setTrustedKeys("keys/ci.pub");
        step.setPlainHttp(true);
        step.setConcurrency(2);

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        PromoteStep minimal = new PromoteStep(REFERENCE, "prod");
        PromoteStep back = new StepConfigTester(j).configRoundTrip(minimal);
        j.assertEqualDataBoundBeans(minimal, back);
        assertThat(back.getStagesFile()).isEqualTo(".modelkit/stages.yaml");
    }

    @Test
    void theConfiguredStagesSurviveTheConfigurationPage(JenkinsRule j) throws Exception {
        String stages = """
                stages:
                  - name: dev
                    repository: registry.example.com/ml/fraud-dev
                  - name: prod
                    repository: registry.example.com/ml/fraud
                    from: dev
                """;
        ModelKitGlobalConfiguration.get().setStages(stages);

        j.configRoundtrip();

        assertThat(ModelKitGlobalConfiguration.get().getStages()).isEqualToIgnoringNewLines(stages);
        assertThat(ModelKitGlobalConfiguration.get().readStages().stages()).extracting(s -> s.name())
                .containsExactly("dev", "prod");
    }
}
