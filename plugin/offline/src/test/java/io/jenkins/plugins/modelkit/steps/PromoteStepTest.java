package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.CauseAction;
import io.jenkins.plugins.modelkit.actions.GateAction;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.jenkins.plugins.modelkit.releases.ReleaseIndex;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.jenkins.plugins.modelkit.support.TestStepContext;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.PromotionRecord;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * modelkitPromote end to end against two real registries: dev and staging on one, prod on the other;
 * staging's gate passes (the example's license is allowed), prod's fails (it is not).
 */
class PromoteStepTest {
    @RegisterExtension
    static final LocalRegistry A = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry B = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;
    private String line;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        line = "ml/" + UUID.randomUUID().toString().substring(0, 8);
        Path stages = Files.createDirectories(workspace.resolve(".modelkit"));
        Files.writeString(stages.resolve("staging.yaml"), """
                version: 1
                rules:
                  - name: licensed
                    kind: content
                    mode: enforce
                    licenses: [Apache-2.0]
                """);
        Files.writeString(stages.resolve("prod.yaml"), """
                version: 1
                rules:
                  - name: mit-only
                    kind: content
                    mode: enforce
                    licenses: [MIT]
                """);
        Files.writeString(stages.resolve("stages.yaml"), """
                stages:
                  - name: dev
                    repository: %1$s/%3$s-dev
                  - name: staging
                    repository: %1$s/%3$s-staging
                    policy: staging.yaml
                    from: dev
                    tags: [candidate]
                  - name: prod
                    repository: %2$s/%3$s
                    policy: prod.yaml
                    from: staging
                """.formatted(A.host(), B.host(), line));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        agent.run().number = 1000 + (int) (System.nanoTime() % 100000);
    }

    private String pushedToDev() throws Exception {
        String reference = A.host() + "/" + line + "-dev:1.4.0";
        PackStep pack = new PackStep(reference);
        pack.setContextDir("project");
        pack.setPush(true);
        agent.call(pack);
        return reference;
    }

    private static Optional<Digest> held(LocalRegistry registry, String repository, String tag) {
        return RegistryClient.builder(registry.host()).build().headManifest(repository, tag).map(Descriptor::digest);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPromoteDevToStagingRecordingTheUserAndTheBuild() throws Exception {
        String dev = pushedToDev();
        Digest digest = held(A, line + "-dev", "1.4.0").orElseThrow();
        agent.run().addAction(new CauseAction(new Cause.UserIdCause("alice")));
        TestStepContext context = agent.context();
        context.get(EnvVars.class).put("BUILD_URL", "https://ci.example.com/job/demo/7/");

        Map<String, Object> promoted = (Map<String, Object>) agent.call(new PromoteStep(dev, "staging"), context);

        assertThat(promoted).containsEntry("outcome", "PROMOTED").containsEntry("stage", "staging")
                .containsEntry("digest", digest.toString()).containsEntry("reference", dev)
                .containsEntry("tags", List.of("1.4.0", "staging", "candidate"));
        Map<String, Object> record = (Map<String, Object>) promoted.get("record");
        assertThat(record).containsEntry("kind", "promotion").containsEntry("stage", "staging").containsEntry("from", "dev")
                .containsEntry("source", A.host() + "/" + line + "-dev@" + digest)
                .containsEntry("target", A.host() + "/" + line + "-staging")
                .containsEntry("digest", digest.toString()).containsEntry("gateOutcome", "PASS")
                .containsEntry("promotedBy", "alice").containsEntry("buildUrl", "https://ci.example.com/job/demo/7/")
                .containsEntry("forced", false);
        assertThat((Map<String, Object>) promoted.get("copy")).containsEntry("blobsCopied", 0);
        assertThat((Map<String, Object>) promoted.get("gate")).containsEntry("outcome", "PASS");
        for (String tag : List.of("1.4.0", "staging", "candidate")) {
            assertThat(held(A, line + "-staging", tag)).as(tag).contains(digest);
        }
        List<PromotionRecord> history = Promoter.history(Reference.parse(A.host() + "/" + line + "-staging:staging"),
                RegistryClient.builder(A.host()).build());
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.promotedBy()).isEqualTo("alice");
            assertThat(r.digest()).isEqualTo(digest);
        });
        assertThat(promoted.get("recordDigest")).isNotNull();

        PromotionAction action = agent.run().getAction(PromotionAction.class);
        assertThat(action.getStage()).isEqualTo("staging");
        assertThat(action.getRepository()).isEqualTo(A.host() + "/" + line + "-staging");
        assertThat(action.getTags()).containsExactly("1.4.0", "staging", "candidate");
        assertThat(action.getDigest()).isEqualTo(digest.toString());
        assertThat(action.getName()).isEqualTo("sentiment-classifier");
        assertThat(action.getVersion()).isEqualTo("1.4.0");
        assertThat(action.getRecordDigest()).isEqualTo(promoted.get("recordDigest"));
        assertThat(action.getPromotedBy()).isEqualTo("alice");
        assertThat(action.getPromotedAt()).isEqualTo(record.get("promotedAt"));
        assertThat(action.getGateOutcome()).isEqualTo("PASS");
        assertThat(action.isUnchanged()).isFalse();
        assertThat(action.getRun()).isSameAs(agent.run());
        assertThat(action.getTooltip()).isEqualTo("staging: sentiment-classifier 1.4.0 @ " + digest + ", promoted by alice, gate PASS");
        assertThat(agent.run().getAction(GateAction.class).getOutcome()).isEqualTo("PASS");
        assertThat(ReleaseIndex.get().promotions()).first().satisfies(p -> {
            assertThat(p.job()).isEqualTo("demo");
            assertThat(p.build()).isEqualTo(agent.run().getNumber());
            assertThat(p.modelKit()).isEqualTo("sentiment-classifier");
            assertThat(p.stage()).isEqualTo("staging");
            assertThat(p.digest()).isEqualTo(digest.toString());
            assertThat(p.buildUrl()).isEqualTo("https://ci.example.com/job/demo/7/");
        });
        assertThat(ReleaseIndex.get().stages()).containsSubsequence("dev", "staging", "prod");
        assertThat(agent.log()).contains("[PASS] licensed: ").contains("Promoted " + dev + " (" + digest + ") to stage 'staging'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPromoteAgainWithoutChangesAndTellWhoWhenNoUserStartedTheBuild() throws Exception {
        String dev = pushedToDev();
        agent.call(new PromoteStep(dev, "staging"));

        Map<String, Object> again = agent.call(new PromoteStep(dev, "staging"));

        assertThat(again).containsEntry("outcome", "UNCHANGED").containsEntry("recordDigest", null);
        assertThat((Map<String, Object>) again.get("record")).containsEntry("promotedBy", "jenkins").containsEntry("buildUrl", null);
        assertThat(agent.run().getActions(PromotionAction.class)).extracting(PromotionAction::isUnchanged).containsExactly(false, true);
    }

    @Test
    void shouldChangeNothingOnADryRun() throws Exception {
        String dev = pushedToDev();
        PromoteStep step = new PromoteStep(dev, "staging");
        step.setDryRun(true);

        Map<String, Object> result = agent.call(step);

        assertThat(result).containsEntry("outcome", "DRY_RUN").containsEntry("recordDigest", null).containsEntry("copy", null);
        assertThat(held(A, line + "-staging", "staging")).isEmpty();
        assertThat(agent.run().getActions(PromotionAction.class)).isEmpty();
    }

    @Test
    void shouldFailTheBuildOnAFailedGateNamingTheRuleAndMoveNothing() throws Exception {
        String dev = pushedToDev();
        Map<String, Object> staged = agent.call(new PromoteStep(dev, "staging"));
        String staging = A.host() + "/" + line + "-staging:1.4.0";

        assertThatThrownBy(() -> agent.call(new PromoteStep(staging, "prod"))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("ModelKit " + staging + " was not promoted to stage 'prod': the gate failed: mit-only: ");

        assertThat(held(B, line, "prod")).isEmpty();
        assertThat(held(B, line, "1.4.0")).isEmpty();
        assertThat(RegistryClient.builder(B.host()).build().headManifest(line, String.valueOf(staged.get("digest")))).isEmpty();
        assertThat(agent.run().getActions(PromotionAction.class)).extracting(PromotionAction::getStage).containsExactly("staging");
        assertThat(agent.run().getActions(GateAction.class)).extracting(GateAction::getOutcome).containsExactly("PASS", "FAIL");
        assertThat(agent.log()).contains("[FAIL] mit-only: ").contains("Not promoted: the gate of stage 'prod' failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPromoteAcrossRegistriesWhenTheGatePasses() throws Exception {
        Files.writeString(agent.workspace().resolve(".modelkit/prod.yaml"), """
                version: 1
                rules:
                  - name: licensed
                    kind: content
                    licenses: [Apache-2.0]
                """);
        String dev = pushedToDev();
        agent.call(new PromoteStep(dev, "staging"));
        PromoteStep prod = new PromoteStep(A.host() + "/" + line + "-staging:1.4.0", "prod");
        prod.setTag("v1.4.0");

        Map<String, Object> promoted = agent.call(prod);

        Digest digest = held(A, line + "-dev", "1.4.0").orElseThrow();
        assertThat(promoted).containsEntry("outcome", "PROMOTED").containsEntry("tags", List.of("v1.4.0", "prod"));
        assertThat(((Map<String, Object>) promoted.get("copy")).get("blobsCopied")).isNotEqualTo(0);
        assertThat(held(B, line, "prod")).contains(digest);
        assertThat(held(B, line, "v1.4.0")).contains(digest);
        assertThat(agent.run().getActions(PromotionAction.class)).extracting(PromotionAction::getStage)
                .containsExactly("staging", "prod");
    }

    @Test
    void shouldNameAMissingStagesFileAndAnUnknownStage() throws Exception {
        String dev = pushedToDev();
        PromoteStep missing = new PromoteStep(dev, "staging");
        missing.setStagesFile("release/stages.yaml");

        assertThatThrownBy(() -> agent.call(missing)).isInstanceOf(AbortException.class)
                .hasMessage("release/stages.yaml: no such stages file in the workspace");
        assertThatThrownBy(() -> agent.call(new PromoteStep(dev, "qa"))).isInstanceOf(AbortException.class)
                .hasMessage("unknown stage 'qa' in .modelkit/stages.yaml (stages: dev, staging, prod)");
        assertThatThrownBy(() -> agent.call(new PromoteStep(dev, " "))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'to' is required");
    }
}
