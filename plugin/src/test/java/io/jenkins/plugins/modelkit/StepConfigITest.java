package io.jenkins.plugins.modelkit;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.modelkit.steps.InspectStep;
import io.jenkins.plugins.modelkit.steps.PackStep;
import io.jenkins.plugins.modelkit.steps.PullStep;
import io.jenkins.plugins.modelkit.steps.PushStep;
import io.jenkins.plugins.modelkit.steps.UnpackStep;
import io.jenkins.plugins.modelkit.steps.WithModelKitRegistryStep;
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
    void stepsWithOnlyTheirRequiredParameterStayThatWay() throws Exception {
        roundTrip(new PackStep(REFERENCE));
        roundTrip(new PushStep(REFERENCE));
        roundTrip(new PullStep(REFERENCE));
        roundTrip(new UnpackStep(REFERENCE));
        roundTrip(new InspectStep(REFERENCE));
        roundTrip(new WithModelKitRegistryStep(REGISTRY));
    }

    private void roundTrip(Step step) throws Exception {
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }
}
