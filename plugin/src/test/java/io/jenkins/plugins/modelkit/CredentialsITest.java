package io.jenkins.plugins.modelkit;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Label;
import hudson.model.Result;
import io.modelkit.core.registry.LocalRegistry;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Registry credentials from the Jenkins credentials store, against a registry on https (its own test
 * CA) with htpasswd Basic authentication: through withModelKitRegistry and through a step's own
 * credentialsId. The password never reaches the build log.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.TestRegistries#dockerRegistryInstalled",
        disabledReason = "needs /usr/bin/docker-registry (Debian package docker-registry)")
class CredentialsITest {

    private static final String USER = "ci-robot";
    /** At least 14 characters, so the credential is also accepted in FIPS mode. */
    private static final String PASSWORD = "registry-Passw0rd-7f3c9a1e";

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = LocalRegistry.withTlsAndBasicAuth(USER, PASSWORD);

    @Test
    void pushesWithStoredCredentialsWithoutLoggingThePassword(JenkinsRule j) throws Exception {
        addRegistryCredentials();
        j.createOnlineSlave(Label.get("modelkit"));
        String host = REGISTRY.host();
        // An absolute path: the agent runs on this machine.
        String ca = REGISTRY.caCertificate().toAbsolutePath().toString();
        String first = host + "/ml/secure:1";
        String second = host + "/ml/secure:2";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "secure");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  modelkitPack(contextDir: 'project', reference: '" + first + "')\n"
                        + "  withModelKitRegistry(host: '" + host + "', credentialsId: 'reg', tlsCa: '" + ca + "') {\n"
                        + "    def pushed = modelkitPush(source: '" + first + "')\n"
                        + "    echo \"BLOCK_DIGEST=${pushed.digest}\"\n"
                        + "  }\n"
                        + "  def copied = modelkitPush(source: '" + first + "', destination: '" + second
                        + "', credentialsId: 'reg', tlsCa: '" + ca + "')\n"
                        + "  echo \"DIRECT_DIGEST=${copied.digest}\"\n"
                        + "  def remote = modelkitInspect(reference: '" + second
                        + "', remote: true, credentialsId: 'reg', tlsCa: '" + ca + "')\n"
                        + "  echo \"REMOTE_DIGEST=${remote.digest}\"\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertSuccess(p);

        j.assertLogContains("BLOCK_DIGEST=sha256:", build);
        j.assertLogContains("DIRECT_DIGEST=sha256:", build);
        j.assertLogContains("REMOTE_DIGEST=sha256:", build);
        j.assertLogNotContains(PASSWORD, build);
    }

    @Test
    void failsWithoutCredentialsAndStillLogsNoPassword(JenkinsRule j) throws Exception {
        addRegistryCredentials();
        j.createOnlineSlave(Label.get("modelkit"));
        String ca = REGISTRY.caCertificate().toAbsolutePath().toString();
        String reference = REGISTRY.host() + "/ml/anonymous:1";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "anonymous");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  modelkitPack(contextDir: 'project', reference: '" + reference
                        + "', push: true, tlsCa: '" + ca + "')\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogNotContains(PASSWORD, build);
    }

    private static void addRegistryCredentials() throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "reg", "test registry", USER, PASSWORD));
        store.save();
    }
}
