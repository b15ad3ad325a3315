package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.actions.ModelKitBadgeAction;
import io.modelkit.core.registry.LocalRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Pack, push, pull, unpack and inspect through a real pipeline on a real agent (a separate JVM, so
 * every callable crosses remoting) against a real registry.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.TestRegistries#dockerRegistryInstalled",
        disabledReason = "needs /usr/bin/docker-registry (Debian package docker-registry)")
class StepsITest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final Pattern DIGEST = Pattern.compile("PACK_DIGEST=(sha256:[0-9a-f]{64})");

    @Test
    void packsPushesPullsUnpacksAndInspectsOnAnAgent(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("modelkit"));
        String reference = REGISTRY.host() + "/ml/demo:1";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "demo");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  def packed = modelkitPack(contextDir: 'project', reference: '" + reference
                        + "', push: true, plainHttp: true)\n"
                        + "  echo \"PACK_DIGEST=${packed.digest}\"\n"
                        + "  def pulled = modelkitPull(reference: '" + reference + "', plainHttp: true)\n"
                        + "  echo \"PULL_DIGEST=${pulled.digest}\"\n"
                        + "  modelkitUnpack(reference: '" + reference + "', dir: 'out', filters: 'model')\n"
                        + "  def local = modelkitInspect(reference: '" + reference + "')\n"
                        + "  echo \"INSPECT_DIGEST=${local.digest} LAYERS=${local.layers.size()}\"\n"
                        + "  def remote = modelkitInspect(reference: '" + reference + "', remote: true, plainHttp: true)\n"
                        + "  echo \"REMOTE_DIGEST=${remote.digest}\"\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertSuccess(p);

        String log = JenkinsRule.getLog(build);
        Matcher matcher = DIGEST.matcher(log);
        assertThat(matcher.find()).as("the echoed pack digest in:%n%s", log).isTrue();
        String digest = matcher.group(1);
        j.assertLogContains("PULL_DIGEST=" + digest, build);
        j.assertLogContains("INSPECT_DIGEST=" + digest, build);
        j.assertLogContains("REMOTE_DIGEST=" + digest, build);

        ModelKitAction action = build.getAction(ModelKitAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getReference()).contains("ml/demo");
        assertThat(action.getDigest()).isEqualTo(digest);
        assertThat(action.getSize()).isPositive();
        assertThat(action.getLayers()).isNotEmpty();
        assertThat(build.getAction(ModelKitBadgeAction.class)).isNotNull();

        FilePath workspace = agent.getWorkspaceFor(p);
        assertThat(workspace).isNotNull();
        FilePath weights = workspace.child("out/model/weights.bin");
        assertThat(weights.exists()).as("%s exists", weights).isTrue();
        assertThat(weights.readToString()).isEqualTo(TestRegistries.WEIGHTS);
        // filters: 'model' leaves the docs out
        assertThat(workspace.child("out/README.md").exists()).isFalse();
    }
}
