package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.modelkit.actions.DiffAction;
import io.jenkins.plugins.modelkit.actions.GateAction;
import io.jenkins.plugins.modelkit.actions.ModelKitBadgeAction;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.modelkit.core.gate.VerificationSummary;
import io.modelkit.core.gate.VerifiedAttestation;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.registry.LocalRegistry;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.oci.Digest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * modelkitDiff and modelkitGate end to end against a real registry: two versions of the example
 * project, the second with a higher learning rate, compared and gated on the agent.
 */
class DiffAndGateStepsTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("v1"));
        Path v2 = Projects.copyExample(workspace.resolve("v2"));
        Path kitfile = v2.resolve("Kitfile");
        Files.writeString(kitfile, Files.readString(kitfile)
                .replace("version: 1.4.0", "version: 1.5.0")
                .replace("learning_rate: 0.05", "learning_rate: 0.06"));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        agent.run().number = 1000 + (int) (System.nanoTime() % 100000);
    }

    private String pushed(String directory, String tag) throws Exception {
        String reference = REGISTRY.host() + "/ml/sentiment:" + tag;
        PackStep pack = new PackStep(reference);
        pack.setContextDir(directory);
        pack.setPush(true);
        agent.call(pack);
        return reference;
    }

    private static Digest digest(String tag) throws Exception {
        return Digest.sha256(RegistryClient.builder(REGISTRY.host()).build().getManifest("ml/sentiment", tag).bytes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReturnTheDiffAndAddAPageForEachDiff() throws Exception {
        String a = pushed("v1", "1.4.0");
        String b = pushed("v2", "1.5.0");
        DiffStep step = new DiffStep(a, b);
        step.setRemote(true);

        Map<String, Object> diff = agent.call(step);

        assertThat((Map<String, Object>) diff.get("a")).containsEntry("reference", a).containsEntry("digest", digest("1.4.0").toString());
        assertThat((Map<String, Object>) diff.get("b")).containsEntry("reference", b).containsEntry("digest", digest("1.5.0").toString());
        assertThat(diff).containsEntry("identical", false);
        assertThat((List<Map<String, Object>>) diff.get("kitfile")).extracting(change -> change.get("path"))
                .containsExactly("package.version", "model.version");
        Map<String, Object> learningRate = ((List<Map<String, Object>>) diff.get("hyperparameters")).stream()
                .filter(change -> "model.parameters.training.learning_rate".equals(change.get("path"))).findFirst().orElseThrow();
        assertThat(learningRate).containsEntry("kind", "changed")
                .containsEntry("old", new BigDecimal("0.05")).containsEntry("new", new BigDecimal("0.06"))
                .containsEntry("absoluteChange", new BigDecimal("0.01")).containsEntry("relativeChange", new BigDecimal("0.2"));
        assertThat(agent.log()).contains("Compared " + a + " (" + digest("1.4.0") + ") with " + b);

        DiffAction action = agent.run().getAction(DiffAction.class);
        assertThat(action.getUrlName()).isEqualTo("modelkit-diff-0");
        assertThat(action.getKitfileChanges()).isEqualTo(2);
        assertThat(action.getHyperparameterRows()).filteredOn(row -> row.get("path").endsWith("training.learning_rate"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("oldValue", "0.05").containsEntry("newValue", "0.06")
                        .containsEntry("absoluteChange", "+0.01").containsEntry("relativeChange", "+20%"));
        assertThat(action.getKitfileRows()).first().isEqualTo(Map.of("path", "package.version", "oldValue", "1.4.0", "newValue", "1.5.0"));
        Path markdown = agent.run().getRootDir().toPath().resolve("modelkit-diff-0.md");
        assertThat(Files.readString(markdown, StandardCharsets.UTF_8)).isEqualTo(action.getMarkdown()).contains("learning_rate");

        Map<String, Object> same = agent.call(new DiffStep(a, a));

        assertThat(same).containsEntry("identical", true);
        assertThat(agent.run().getActions(DiffAction.class)).extracting(DiffAction::getUrlName)
                .containsExactly("modelkit-diff-0", "modelkit-diff-1");
        assertThat(agent.run().getActions(DiffAction.class).get(1).isIdentical()).isTrue();
    }

    @Test
    void shouldNameTheReferenceThatCannotBeRead() throws Exception {
        String a = pushed("v1", "1.4.0");
        DiffStep step = new DiffStep(a, REGISTRY.host() + "/ml/sentiment:9.9.9");
        step.setRemote(true);

        assertThatThrownBy(() -> agent.call(step)).isInstanceOf(AbortException.class).hasMessageContaining("9.9.9");
        assertThat(agent.run().getActions(DiffAction.class)).isEmpty();
    }

    @Test
    void shouldRequireBothReferences() {
        assertThatThrownBy(() -> agent.call(new DiffStep("a:1", " "))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'b' is required");
    }

    private static final String FROZEN_TRAINING = """
            version: 1
            rules:
              - name: frozen-training
                kind: hyperparameters
                mode: %s
                frozen: ['model.parameters.training.**']
            """;

    private GateStep gate(String reference, String baseline) {
        GateStep gate = new GateStep(reference);
        gate.setBaseline(baseline);
        gate.setRemote(true);
        return gate;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPassAGateWithinToleranceAndAskForApproval() throws Exception {
        String a = pushed("v1", "1.4.0");
        String b = pushed("v2", "1.5.0");
        Path policy = agent.workspace().resolve(".modelkit/gate.yaml");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, """
                version: 1
                rules:
                  - name: learning-rate
                    kind: hyperparameters
                    tolerances: [{path: model.parameters.training.learning_rate, absolute: 0.02}]
                    approvalRequired: [model.parameters.training.learning_rate]
                  - name: licensed
                    kind: content
                    licenses: [Apache-2.0]
                  - name: no-overwrite
                    kind: registry
                    targetTagAbsentOrSame: true
                """);
        GateStep gate = gate(b, a);
        gate.setPolicy(".modelkit/gate.yaml");
        gate.setTargetTag(REGISTRY.host() + "/ml/sentiment:prod");
        gate.setJunit("reports/gate.xml");

        Map<String, Object> report = agent.call(gate);

        assertThat(report).containsEntry("outcome", "PASS").containsEntry("approvalRequired", true)
                .containsEntry("approvalKeys", List.of("model.parameters.training.learning_rate: 0.05 -> 0.06"))
                .containsEntry("digest", digest("1.5.0").toString()).containsEntry("reference", b)
                .doesNotContainKeys("diff", "markdown");
        assertThat((List<Map<String, Object>>) report.get("rules")).extracting(rule -> rule.get("name") + " " + rule.get("status"))
                .containsExactly("learning-rate PASS", "licensed PASS", "no-overwrite PASS");
        assertThat((Map<String, Object>) report.get("policy")).containsEntry("source", ".modelkit/gate.yaml");
        assertThat((Map<String, Object>) report.get("baseline")).containsEntry("reference", a)
                .containsEntry("digest", digest("1.4.0").toString());
        assertThat(agent.log()).contains("[PASS] learning-rate: ").contains("[PASS] licensed: ").contains("[PASS] no-overwrite: ")
                .contains("changes keys that need a human approval: model.parameters.training.learning_rate: 0.05 -> 0.06;");
        assertThat(Files.readString(agent.workspace().resolve("reports/gate.xml")))
                .contains("<testsuite name=\"modelkit-gate\"").contains("name=\"learning-rate\"");
        assertThat(agent.run().getResult()).isNull();

        GateAction action = agent.run().getAction(GateAction.class);
        assertThat(action.getOutcome()).isEqualTo("PASS");
        assertThat(action.isApprovalRequired()).isTrue();
        assertThat(action.getRules()).extracting(GateAction.Rule::getName).containsExactly("learning-rate", "licensed", "no-overwrite");
        assertThat(action.getDiffUrlName()).isEqualTo("modelkit-diff-0");
        assertThat(agent.run().getAction(DiffAction.class).getReferenceA()).isEqualTo(a);
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).filteredOn(badge -> badge.getReference().equals(b))
                .singleElement().satisfies(badge -> assertThat(badge.getTooltip()).endsWith(", gate PASS"));
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).filteredOn(badge -> badge.getReference().equals(a))
                .singleElement().satisfies(badge -> assertThat(badge.getGate()).as("the baseline was not gated").isNull());
    }

    @Test
    void shouldFailTheBuildOnAnEnforcedFailureNamingTheRule() throws Exception {
        String a = pushed("v1", "1.4.0");
        String b = pushed("v2", "1.5.0");
        GateStep gate = gate(b, a);
        gate.setPolicyText(FROZEN_TRAINING.formatted("enforce"));
        gate.setUnstableOnWarning(true);

        assertThatThrownBy(() -> agent.call(gate)).isInstanceOf(AbortException.class)
                .hasMessage("ModelKit " + b + " failed the gate: frozen-training");
        assertThat(agent.log()).contains("[FAIL] frozen-training: model.parameters.training.learning_rate is frozen but changed from 0.05 to 0.06");
        GateAction action = agent.run().getAction(GateAction.class);
        assertThat(action.getOutcome()).isEqualTo("FAIL");
        assertThat(action.getRules()).singleElement().satisfies(rule -> assertThat(rule.getCompared())
                .containsExactly("model.parameters.training.learning_rate: expected 0.05 (frozen), found 0.06"));
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).filteredOn(badge -> badge.getReference().equals(b))
                .singleElement().satisfies(badge -> assertThat(badge.getGate()).isEqualTo("FAIL"));
    }

    @Test
    void shouldMarkTheBuildUnstableOnAnAuditWarningWhenAsked() throws Exception {
        String a = pushed("v1", "1.4.0");
        String b = pushed("v2", "1.5.0");
        GateStep gate = gate(b, a);
        gate.setPolicyText(FROZEN_TRAINING.formatted("audit"));

        assertThat(agent.call(gate)).containsEntry("outcome", "WARN").containsEntry("approvalRequired", false);
        assertThat(agent.run().getResult()).as("a warning alone leaves the build as it is").isNull();

        gate.setUnstableOnWarning(true);
        assertThat(agent.call(gate)).containsEntry("outcome", "WARN");
        assertThat(agent.run().getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(agent.log()).contains("[WARN] frozen-training: ")
                .contains("ModelKit " + b + " passed the gate with warnings (frozen-training); the build is marked UNSTABLE");
        assertThat(agent.run().getActions(GateAction.class)).hasSize(2);
        assertThat(agent.run().getActions(DiffAction.class)).extracting(DiffAction::getUrlName)
                .containsExactly("modelkit-diff-0", "modelkit-diff-1");
    }

    @Test
    void shouldReportAMalformedPolicyWithItsLineAndNeverPass() throws Exception {
        String b = pushed("v2", "1.5.0");
        GateStep gate = gate(b, null);
        gate.setPolicyText(FROZEN_TRAINING.formatted("warn"));

        assertThatThrownBy(() -> agent.call(gate)).isInstanceOf(AbortException.class)
                .message().matches("policyText:5:\\d+: .*mode.*warn.*");
        assertThat(agent.run().getActions(GateAction.class)).isEmpty();
    }

    @Test
    void shouldNeedExactlyOnePolicy() throws Exception {
        GateStep neither = gate("ml/sentiment:1", null);
        assertThatThrownBy(() -> agent.call(neither)).isInstanceOf(AbortException.class)
                .hasMessage("modelkitGate needs exactly one of policy (a file in the workspace) and policyText (YAML)");
        GateStep missing = gate("ml/sentiment:1", null);
        missing.setPolicy("nowhere/gate.yaml");
        assertThatThrownBy(() -> agent.call(missing)).isInstanceOf(AbortException.class)
                .hasMessageContaining("nowhere/gate.yaml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSignTheOutcomeAsAVerificationSummaryAndCompareWithWhatTheTargetTagHolds() throws Exception {
        String b = pushed("v2", "1.5.0");
        String prod = pushed("v1", "prod");
        SigningKey key = KeyPairs.generate();
        SystemCredentialsProvider.getInstance().getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL,
                "gate-key", "gate signing key", "gate.key", SecretBytes.fromRawBytes(
                        KeyFiles.privatePem(key.privateKey(), "gate-Passw0rd".toCharArray()))));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "gate-password", "its password", Secret.fromString("gate-Passw0rd")));
        try {
            GateStep gate = gate(b, null);
            gate.setTargetTag(prod);
            gate.setPolicyText(FROZEN_TRAINING.formatted("audit"));
            gate.setKeyCredentialsId("gate-key");
            gate.setPasswordCredentialsId("gate-password");

            Map<String, Object> report = agent.call(gate);

            assertThat(report).containsEntry("outcome", "WARN").containsEntry("vsaKeyFingerprint", key.fingerprint().toString());
            assertThat((Map<String, Object>) report.get("baseline")).containsEntry("reference", prod)
                    .containsEntry("digest", digest("prod").toString());
            assertThat(agent.log()).contains("Signed the verification summary with key " + key.fingerprint())
                    .doesNotContain("gate-Passw0rd");
            RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
            List<VerifiedAttestation> summaries = VerifiedAttestation.find(new RegistryAttestationStore(client, "ml/sentiment"),
                    client.headManifest("ml/sentiment", "1.5.0").orElseThrow(), List.of(key.publicKey()));
            assertThat(summaries).extracting(found -> found.statement().predicateType())
                    .containsExactly(VerificationSummary.PREDICATE_TYPE);
            assertThat(report.get("vsa")).isNotNull();
            assertThat(client.referrers("ml/sentiment", digest("1.5.0"), null))
                    .extracting(referrer -> referrer.digest().toString()).contains((String) report.get("vsa"));
        } finally {
            SystemCredentialsProvider.getInstance().getCredentials().clear();
        }
    }
}
