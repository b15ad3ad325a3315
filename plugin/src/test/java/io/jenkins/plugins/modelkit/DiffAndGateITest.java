package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.modelkit.actions.DiffAction;
import io.jenkins.plugins.modelkit.actions.GateAction;
import io.modelkit.core.registry.LocalRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.json.JSONObject;
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
 * modelkitDiff and modelkitGate through a real pipeline on a real agent (a separate JVM, so the diff
 * and the gate report cross remoting) against a real registry: two versions of a small project, the
 * second with a higher learning rate, are pushed, compared and gated. A gate within its tolerance
 * passes and writes JUnit XML; a broken audit rule with unstableOnWarning marks the build UNSTABLE; a
 * broken enforced rule fails the build, naming the rule.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.TestRegistries#dockerRegistryInstalled",
        disabledReason = "needs /usr/bin/docker-registry (Debian package docker-registry)")
class DiffAndGateITest {

    private static final String LEARNING_RATE = "model.parameters.training.learning_rate";

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    /** The project's Kitfile with hyperparameters: {@code %1$s} the version, {@code %2$s} the learning rate. */
    private static final String KITFILE = """
            manifestVersion: 1.0.0
            package:
              name: demo
              version: %1$s
              description: A tiny ModelKit built by the integration tests
              license: Apache-2.0
            model:
              name: demo-model
              path: model/weights.bin
              version: %1$s
              license: Apache-2.0
              parameters:
                training:
                  learning_rate: %2$s
                  epochs: 10
            docs:
              - path: README.md
                description: Model card
            """;

    /** Passes for 0.05 to 0.06: the change is within the tolerance, needs an approval, and the content is licensed. */
    private static final String PASSING_POLICY = """
            version: 1
            rules:
              - name: learning-rate
                kind: hyperparameters
                tolerances:
                  - path: model.parameters.training.learning_rate
                    absolute: 0.02
                approvalRequired:
                  - model.parameters.training.learning_rate
              - name: licensed
                kind: content
                licenses:
                  - Apache-2.0
                requiredDocs:
                  - README.md
            """;

    /** Broken by any change to the training hyperparameters; {@code %s} is the rule's mode. */
    private static final String FROZEN_TRAINING = """
            version: 1
            rules:
              - name: frozen-training
                kind: hyperparameters
                mode: %s
                frozen:
                  - model.parameters.training.**
            """;

    private static final Pattern DIGEST_A = Pattern.compile("A_DIGEST=(sha256:[0-9a-f]{64})");
    private static final Pattern DIGEST_B = Pattern.compile("B_DIGEST=(sha256:[0-9a-f]{64})");

    @Test
    void diffsAndGatesTwoPushedModelKitsOnAnAgent(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("modelkit"));
        String a = REGISTRY.host() + "/ml/gated:1.0.0";
        String b = REGISTRY.host() + "/ml/gated:1.1.0";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "gated");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + packBoth(a, b)
                        + "  def d = modelkitDiff(a: '" + a + "', b: '" + b + "', remote: true, plainHttp: true)\n"
                        + "  echo \"DIFF_A=${d.a.reference}@${d.a.digest} DIFF_B=${d.b.reference}@${d.b.digest}"
                        + " IDENTICAL=${d.identical}\"\n"
                        + "  echo \"KITFILE=${d.kitfile.size()} FIRST=${d.kitfile[0].path}:${d.kitfile[0]['old']}"
                        + "->${d.kitfile[0]['new']}\"\n"
                        + "  def lr = d.hyperparameters[0]\n"
                        + "  echo \"HYPERPARAMETERS=${d.hyperparameters.size()} PATH=${lr.path} KIND=${lr.kind}"
                        + " OLD=${lr['old']} NEW=${lr['new']} ABSOLUTE=${lr.absoluteChange} RELATIVE=${lr.relativeChange}\"\n"
                        + "  def passed = modelkitGate(reference: '" + b + "', baseline: '" + a + "', policyText: '''"
                        + PASSING_POLICY + "''', junit: 'reports/gate.xml', remote: true, plainHttp: true)\n"
                        + "  echo \"GATE=${passed.outcome} APPROVAL=${passed.approvalRequired}"
                        + " KEYS=${passed.approvalKeys.size()}:${passed.approvalKeys[0]}"
                        + " RULES=${passed.rules[0].name}:${passed.rules[0].status},${passed.rules[1].name}:${passed.rules[1].status}\"\n"
                        + "  def warned = modelkitGate(reference: '" + b + "', baseline: '" + a + "', policyText: '''"
                        + FROZEN_TRAINING.formatted("audit") + "''', unstableOnWarning: true, remote: true, plainHttp: true)\n"
                        + "  echo \"AUDIT=${warned.outcome} RULE=${warned.rules[0].name}:${warned.rules[0].status}\"\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, p);

        String log = JenkinsRule.getLog(build);
        String digestA = echoed(DIGEST_A, log);
        String digestB = echoed(DIGEST_B, log);
        assertThat(digestB).isNotEqualTo(digestA);

        // the returned diff
        j.assertLogContains("DIFF_A=" + a + "@" + digestA + " DIFF_B=" + b + "@" + digestB + " IDENTICAL=false", build);
        j.assertLogContains("KITFILE=2 FIRST=package.version:1.0.0->1.1.0", build);
        j.assertLogContains("HYPERPARAMETERS=1 PATH=" + LEARNING_RATE + " KIND=changed OLD=0.05 NEW=0.06"
                + " ABSOLUTE=0.01 RELATIVE=0.2", build);
        j.assertLogContains("Compared " + a + " (" + digestA + ") with " + b + " (" + digestB + "): ", build);

        // the diff's page, its API, and the diffs each gate against its baseline added
        assertThat(build.getActions(DiffAction.class)).extracting(DiffAction::getUrlName)
                .containsExactly("modelkit-diff-0", "modelkit-diff-1", "modelkit-diff-2");
        DiffAction diff = build.getActions(DiffAction.class).get(0);
        assertThat(diff.getReferenceA()).isEqualTo(a);
        assertThat(diff.getDigestA()).isEqualTo(digestA);
        assertThat(diff.getReferenceB()).isEqualTo(b);
        assertThat(diff.getDigestB()).isEqualTo(digestB);
        assertThat(diff.isIdentical()).isFalse();
        assertThat(diff.getKitfileChanges()).isEqualTo(2);
        assertThat(diff.getHyperparameterChanges()).isEqualTo(1);
        assertThat(diff.getHyperparameterRows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("path", LEARNING_RATE).containsEntry("oldValue", "0.05").containsEntry("newValue", "0.06")
                .containsEntry("absoluteChange", "+0.01").containsEntry("relativeChange", "+20%"));
        assertThat(diff.getMarkdown()).contains("learning_rate");
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            String page = wc.goTo(build.getUrl() + diff.getUrlName()).getWebResponse().getContentAsString();
            assertThat(page).contains(LEARNING_RATE).contains("+20%").contains(digestA).contains(digestB);
        }
        JSONObject api = j.getJSON(build.getUrl() + diff.getUrlName() + "/api/json").getJSONObject();
        assertThat(api.getString("referenceA")).isEqualTo(a);
        assertThat(api.getString("referenceB")).isEqualTo(b);
        assertThat(api.getBoolean("identical")).isFalse();
        assertThat(api.getInt("hyperparameterChanges")).isEqualTo(1);

        // the gate that passes, with its JUnit XML on the agent
        j.assertLogContains("GATE=PASS APPROVAL=true KEYS=1:" + LEARNING_RATE + ": 0.05 -> 0.06"
                + " RULES=learning-rate:PASS,licensed:PASS", build);
        j.assertLogContains("[PASS] learning-rate: ", build);
        j.assertLogContains("[PASS] licensed: ", build);
        j.assertLogContains("ModelKit " + b + " changes keys that need a human approval: " + LEARNING_RATE + ": 0.05 -> 0.06", build);
        FilePath workspace = agent.getWorkspaceFor(p);
        assertThat(workspace).isNotNull();
        FilePath junit = workspace.child("reports/gate.xml");
        assertThat(junit.exists()).as("%s exists", junit).isTrue();
        assertThat(junit.readToString()).contains("<testsuite name=\"modelkit-gate\"")
                .contains("<testcase name=\"learning-rate\"").contains("<testcase name=\"licensed\"")
                .doesNotContain("<failure");

        // the audit rule that broke, which marks the build UNSTABLE
        j.assertLogContains("AUDIT=WARN RULE=frozen-training:WARN", build);
        j.assertLogContains("[WARN] frozen-training: ", build);
        j.assertLogContains("ModelKit " + b + " passed the gate with warnings (frozen-training); the build is marked UNSTABLE", build);

        assertThat(build.getActions(GateAction.class)).hasSize(2);
        GateAction pass = build.getActions(GateAction.class).get(0);
        assertThat(pass.getReference()).isEqualTo(b);
        assertThat(pass.getDigest()).isEqualTo(digestB);
        assertThat(pass.getOutcome()).isEqualTo("PASS");
        assertThat(pass.getPolicy()).isEqualTo("policyText");
        assertThat(pass.getBaseline()).isEqualTo(a + " @ " + digestA);
        assertThat(pass.isApprovalRequired()).isTrue();
        assertThat(pass.getRules()).extracting(GateAction.Rule::getName).containsExactly("learning-rate", "licensed");
        assertThat(pass.getDiffUrlName()).isEqualTo("modelkit-diff-1");
        GateAction warn = build.getActions(GateAction.class).get(1);
        assertThat(warn.getOutcome()).isEqualTo("WARN");
        assertThat(warn.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getMode()).isEqualTo("audit");
            assertThat(rule.getStatus()).isEqualTo("WARN");
        });
        assertThat(warn.getDiffUrlName()).isEqualTo("modelkit-diff-2");
    }

    @Test
    void failsTheBuildOnABrokenEnforcedRuleNamingIt(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("modelkit"));
        String a = REGISTRY.host() + "/ml/frozen:1.0.0";
        String b = REGISTRY.host() + "/ml/frozen:1.1.0";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "frozen");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + packBoth(a, b)
                        // unstableOnWarning does not soften an enforced failure
                        + "  modelkitGate(reference: '" + b + "', baseline: '" + a + "', policyText: '''"
                        + FROZEN_TRAINING.formatted("enforce") + "''', unstableOnWarning: true, remote: true, plainHttp: true)\n"
                        + "  echo 'AFTER_THE_GATE'\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("[FAIL] frozen-training: " + LEARNING_RATE + " is frozen but changed from 0.05 to 0.06", build);
        j.assertLogContains("ModelKit " + b + " failed the gate: frozen-training", build);
        j.assertLogNotContains("AFTER_THE_GATE", build);

        GateAction action = build.getAction(GateAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getOutcome()).isEqualTo("FAIL");
        assertThat(action.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getName()).isEqualTo("frozen-training");
            assertThat(rule.getStatus()).isEqualTo("FAIL");
            assertThat(rule.getCompared()).containsExactly(LEARNING_RATE + ": expected 0.05 (frozen), found 0.06");
        });
    }

    /** Writes both versions of the project, packs them and pushes them; echoes their digests as A_DIGEST and B_DIGEST. */
    private static String packBoth(String a, String b) {
        return writeProject("v1", "1.0.0", "0.05")
                + writeProject("v2", "1.1.0", "0.06")
                + "  def packedA = modelkitPack(contextDir: 'v1', reference: '" + a + "', push: true, plainHttp: true)\n"
                + "  def packedB = modelkitPack(contextDir: 'v2', reference: '" + b + "', push: true, plainHttp: true)\n"
                + "  echo \"A_DIGEST=${packedA.digest} B_DIGEST=${packedB.digest}\"\n";
    }

    /** Pipeline lines that write the project into {@code dir}, as {@link TestRegistries#writeProject} does. */
    private static String writeProject(String dir, String version, String learningRate) {
        return "  writeFile file: '" + dir + "/Kitfile', text: '''" + KITFILE.formatted(version, learningRate) + "'''\n"
                + "  writeFile file: '" + dir + "/model/weights.bin', text: '" + TestRegistries.WEIGHTS + "'\n"
                + "  writeFile file: '" + dir + "/README.md', text: '# demo model card'\n";
    }

    private static String echoed(Pattern pattern, String log) {
        Matcher matcher = pattern.matcher(log);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, log).isTrue();
        return matcher.group(1);
    }
}
