package io.jenkins.plugins.modelkit.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.modelkit.actions.GateAction;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.steps.PackStep;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Promotion from a build's page against a real registry, with the stages of the global configuration:
 * the ModelKits the build pushed are offered by digest, the submitting user is recorded, a failed gate
 * moves nothing. Whether the user holds the Promote permission is Jenkins' part, tested by the real build.
 */
class PromoteBuildActionTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner build;
    private ModelKitGlobalConfiguration configuration;
    private String line;
    private Path policy;

    @BeforeEach
    void setUp() throws Exception {
        configuration = Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        line = "ml/" + UUID.randomUUID().toString().substring(0, 8);
        policy = Files.createDirectories(ModelKitGlobalConfiguration.policyDirectory()).resolve(line.substring(3) + "-mit.yaml");
        Files.writeString(policy, """
                version: 1
                rules:
                  - name: mit-only
                    kind: content
                    licenses: [MIT]
                """);
        configuration.setStages("""
                stages:
                  - name: dev
                    repository: %1$s/%2$s-dev
                  - name: staging
                    repository: %1$s/%2$s-staging
                    from: dev
                  - name: prod
                    repository: %1$s/%2$s
                    policy: %3$s
                    from: staging
                """.formatted(REGISTRY.host(), line, policy.getFileName()));
        build = new StepRunner(workspace, temp.resolve("agent-home"));
        build.run().number = 2000 + (int) (System.nanoTime() % 100000);
        PackStep pack = new PackStep(REGISTRY.host() + "/" + line + "-dev:1.4.0");
        pack.setContextDir("project");
        pack.setPush(true);
        build.call(pack);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bob", "password"));
    }

    @AfterEach
    void tearDown() throws Exception {
        SecurityContextHolder.clearContext();
        Files.deleteIfExists(policy);
    }

    private static Optional<Digest> held(String repository, String tag) {
        return RegistryClient.builder(REGISTRY.host()).build().headManifest(repository, tag).map(Descriptor::digest);
    }

    private static StaplerRequest2 form(Map<String, String> fields) {
        return (StaplerRequest2) Proxy.newProxyInstance(PromoteBuildActionTest.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> fields.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static StaplerResponse2 redirects(List<String> to) {
        return (StaplerResponse2) Proxy.newProxyInstance(PromoteBuildActionTest.class.getClassLoader(),
                new Class<?>[] {StaplerResponse2.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendRedirect")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    to.add((String) args[0]);
                    return null;
                });
    }

    @Test
    void shouldPromoteAModelKitTheBuildPushedRecordingTheUser() throws Exception {
        Digest digest = held(line + "-dev", "1.4.0").orElseThrow();
        PromoteBuildAction action = new PromoteBuildAction(build.run());
        String reference = REGISTRY.host() + "/" + line + "-dev@" + digest;
        assertThat(action.getReferences()).containsExactly(reference);
        assertThat(action.getStages()).containsExactly("dev", "staging", "prod");
        assertThat(action.getIconFileName()).isNotNull();
        List<String> redirects = new ArrayList<>();

        action.doPromote(form(Map.of("reference", reference, "stage", "staging", "tag", "1.4.0")), redirects(redirects));

        assertThat(redirects).containsExactly("..");
        assertThat(held(line + "-staging", "staging")).contains(digest);
        assertThat(held(line + "-staging", "1.4.0")).contains(digest);
        PromotionAction promotion = build.run().getAction(PromotionAction.class);
        assertThat(promotion.getStage()).isEqualTo("staging");
        assertThat(promotion.getPromotedBy()).isEqualTo("bob");
        assertThat(promotion.getDigest()).isEqualTo(digest.toString());
        assertThat(ReleaseIndex.get().promotions()).first().satisfies(p -> {
            assertThat(p.promotedBy()).isEqualTo("bob");
            assertThat(p.stage()).isEqualTo("staging");
        });
        assertThat(Files.readString(build.run().getRootDir().toPath().resolve("modelkit-promotions.log")))
                .contains("bob promotes " + reference + " to stage 'staging' from the build's page")
                .contains("Promoted " + reference);
        assertThat(action.getReferences()).as("the promoted copy is offered for the next stage")
                .containsExactly(REGISTRY.host() + "/" + line + "-staging@" + digest, reference);
    }

    @Test
    void shouldRecordAFailedGateAndMoveNothing() throws Exception {
        PromoteBuildAction action = new PromoteBuildAction(build.run());
        String dev = action.getReferences().get(0);
        action.doPromote(form(Map.of("reference", dev, "stage", "staging")), redirects(new ArrayList<>()));
        String staging = action.getReferences().get(0);

        assertThatThrownBy(() -> action.doPromote(form(Map.of("reference", staging, "stage", "prod")),
                redirects(new ArrayList<>()))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("ModelKit " + staging + " was not promoted to stage 'prod': the gate failed: mit-only: ");

        assertThat(held(line, "prod")).isEmpty();
        assertThat(build.run().getActions(GateAction.class)).extracting(GateAction::getOutcome).containsExactly("FAIL");
        assertThat(build.run().getActions(PromotionAction.class)).extracting(PromotionAction::getStage).containsExactly("staging");
    }

    @Test
    void shouldOfferNoStagesWhenTheConfiguredOnesDoNotParse() throws Exception {
        configuration.setStages("stages:\n  - name: dev\n    colour: blue\n");
        PromoteBuildAction action = new PromoteBuildAction(build.run());

        assertThat(action.getStages()).isEmpty();
        assertThat(action.getIconFileName()).isNull();
        assertThatThrownBy(() -> action.doPromote(form(Map.of("reference", action.getReferences().get(0), "stage", "dev")),
                redirects(new ArrayList<>()))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("the ModelKit stages of the global configuration:").hasMessageContaining("colour");
    }

    @Test
    void shouldRefuseAReferenceTheBuildDidNotPush() {
        PromoteBuildAction action = new PromoteBuildAction(build.run());
        String other = REGISTRY.host() + "/" + line + "-dev@sha256:" + "0".repeat(64);

        assertThatThrownBy(() -> action.doPromote(form(Map.of("reference", other, "stage", "staging")),
                redirects(new ArrayList<>()))).isInstanceOf(AbortException.class)
                .hasMessage("This build did not put ModelKit " + other + " in a registry");
        assertThat(held(line + "-staging", "staging")).isEmpty();
    }
}
