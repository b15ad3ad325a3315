package io.jenkins.plugins.modelkit;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.steps.AttestStep;
import io.jenkins.plugins.modelkit.steps.BomStep;
import io.jenkins.plugins.modelkit.steps.DiffStep;
import io.jenkins.plugins.modelkit.steps.GateStep;
import io.jenkins.plugins.modelkit.steps.InspectStep;
import io.jenkins.plugins.modelkit.steps.PackStep;
import io.jenkins.plugins.modelkit.steps.PullStep;
import io.jenkins.plugins.modelkit.steps.PushStep;
import io.jenkins.plugins.modelkit.steps.UnpackStep;
import io.jenkins.plugins.modelkit.steps.VerifyStep;
import io.jenkins.plugins.modelkit.steps.WithModelKitRegistryStep;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Each step's config.jelly through a real form submission (the Snippet Generator's path): every
 * optional value set to something other than its default survives, and so does a step with only its
 * required parameter.
 */
@WithJenkins
class StepConfigITest {

    private static final String REGISTRY = "registry.example.com:5000";
    private static final String REFERENCE = REGISTRY + "/ml/sentiment:1.4.0";
    private static final String CA = "/etc/ssl/private-registry-ca.pem";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        // The credentials dropdowns offer only ids that exist.
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "reg", "test registry", "ci-robot", "registry-Passw0rd-7f3c9a1e"));
        // modelkitAttest's dropdowns: a Secret file for the key, a Secret text for its password
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "signing-key", "signing key",
                "cosign.key", SecretBytes.fromRawBytes("not a key".getBytes(StandardCharsets.US_ASCII))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-password",
                "its password", Secret.fromString("k3y-Passw0rd-for-signing")));
        store.save();
    }

    @Test
    void packKeepsEveryOption() throws Exception {
        PackStep step = new PackStep(REFERENCE);
        step.setContextDir("model-project");
        step.setKitfile("model-project/Kitfile.prod");
        step.setCompression("zstd");
        step.setFormat("modelpack");
        step.setPush(true);
        step.setPushOnly(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(2);
        roundTrip(step);
    }

    @Test
    void pushKeepsEveryOption() throws Exception {
        PushStep step = new PushStep(REFERENCE);
        step.setDestination(REGISTRY + "/ml/sentiment:prod");
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(8);
        roundTrip(step);
    }

    @Test
    void pullKeepsEveryOption() throws Exception {
        PullStep step = new PullStep(REFERENCE);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(1);
        roundTrip(step);
    }

    @Test
    void unpackKeepsEveryOption() throws Exception {
        UnpackStep step = new UnpackStep(REFERENCE);
        step.setDir("serve");
        step.setFilters("model\ndatasets:train");
        step.setOverwrite(true);
        step.setIgnoreExisting(true);
        step.setRemote(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        roundTrip(step);
    }

    @Test
    void inspectKeepsEveryOption() throws Exception {
        InspectStep step = new InspectStep(REFERENCE);
        step.setRemote(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        roundTrip(step);
    }

    @Test
    void withModelKitRegistryKeepsEveryOption() throws Exception {
        WithModelKitRegistryStep step = new WithModelKitRegistryStep(REGISTRY);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        roundTrip(step);
    }

    @Test
    void attestKeepsEveryOption() throws Exception {
        AttestStep step = new AttestStep(REFERENCE);
        step.setKeyCredentialsId("signing-key");
        step.setPasswordCredentialsId("signing-password");
        step.setLegacy(false);
        step.setBuilderId("https://jenkins.example.com/modelkit-pipeline/v1");
        step.setSourceRepository("https://git.example.com/ml/sentiment.git");
        step.setSourceRef("release/1.4");
        step.setGitCommit("0123456789abcdef0123456789abcdef01234567");
        step.setKitfile("model-project/Kitfile");
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(2);
        roundTrip(step);
    }

    @Test
    void verifyKeepsEveryOption() throws Exception {
        VerifyStep step = new VerifyStep(REFERENCE);
        step.setKeys("keys/release.pub\nkeys/previous.pub");
        step.setKeyCredentialsIds("trusted-release\ntrusted-previous");
        step.setIntegrity("manifest-only");
        step.setUnstableOnFailure(true);
        step.setBuilderId("https://jenkins.example.com/modelkit-pipeline/v1");
        step.setSourceRepository("https://git[.]example[.]com/ml/.*");
        step.setSourceRef("main|release/.*");
        step.setMaxAge("7d");
        step.setRemote(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(8);
        roundTrip(step);
    }

    @Test
    void bomKeepsEveryOption() throws Exception {
        BomStep step = new BomStep(REFERENCE);
        step.setFile("reports/bom.json");
        step.setAttach(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(1);
        roundTrip(step);
    }

    @Test
    void diffKeepsEveryOption() throws Exception {
        DiffStep step = new DiffStep(REGISTRY + "/ml/sentiment:prod", REFERENCE);
        step.setRemote(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(2);
        roundTrip(step);
    }

    @Test
    void gateKeepsEveryOption() throws Exception {
        GateStep step = new GateStep(REFERENCE);
        step.setPolicyText("""
                version: 1
                rules:
                  - name: learning-rate
                    kind: hyperparameters
                    mode: audit
                    tolerances: [{path: model.parameters.training.learning_rate, relative: 0.1}]
                  - name: licensed
                    kind: content
                    licenses: [Apache-2.0, MIT]
                """);
        step.setBaseline(REGISTRY + "/ml/sentiment:1.3.0");
        step.setTargetTag(REGISTRY + "/ml/sentiment:prod");
        step.setTrustedKeys("keys/ci.pub\nkeys/release.pub");
        step.setUnstableOnWarning(true);
        step.setJunit("reports/gate.xml");
        step.setRemote(true);
        step.setCredentialsId("reg");
        step.setPlainHttp(true);
        step.setTlsCa(CA);
        step.setConcurrency(8);
        roundTrip(step);
    }

    @Test
    void gateKeepsAPolicyFile() throws Exception {
        GateStep step = new GateStep(REFERENCE);
        step.setPolicy(".modelkit/gate.yaml");
        step.setTargetTag(REGISTRY + "/ml/sentiment:prod");
        roundTrip(step);
    }

    @Test
    void stepsWithOnlyTheirRequiredParameterStayThatWay() throws Exception {
        roundTrip(new PackStep(REFERENCE));
        roundTrip(new PushStep(REFERENCE));
        roundTrip(new PullStep(REFERENCE));
        roundTrip(new UnpackStep(REFERENCE));
        roundTrip(new InspectStep(REFERENCE));
        roundTrip(new WithModelKitRegistryStep(REGISTRY));
        roundTrip(new AttestStep(REFERENCE));
        roundTrip(new VerifyStep(REFERENCE));
        roundTrip(new BomStep(REFERENCE));
        roundTrip(new DiffStep(REGISTRY + "/ml/sentiment:prod", REFERENCE));
        roundTrip(new GateStep(REFERENCE));
    }

    private void roundTrip(Step step) throws Exception {
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }
}
