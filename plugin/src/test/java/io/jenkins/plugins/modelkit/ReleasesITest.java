package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.modelkit.actions.GateAction;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.releases.ReleasePermissions;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * modelkitPromote through a real pipeline on a real agent against a real registry, then what Jenkins
 * shows of it: the build's promotion badge, the ModelKit releases page and its /api/json filtered by
 * Item/Read, the job's table, the SVG badge with and without ModelKit/ViewStatus, and promotion from
 * the build's page with and without ModelKit/Promote.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.TestRegistries#dockerRegistryInstalled",
        disabledReason = "needs /usr/bin/docker-registry (Debian package docker-registry)")
class ReleasesITest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final Pattern DIGEST = Pattern.compile("PROMOTED=(sha256:[0-9a-f]{64})");

    /** dev and staging without a gate, prod guarded by a policy the demo's Apache-2.0 license breaks. */
    private static String stages(String line) {
        return """
                stages:
                  - name: dev
                    repository: %1$s/%2$s-dev
                  - name: staging
                    repository: %1$s/%2$s-staging
                    from: dev
                    tags: [candidate]
                  - name: prod
                    repository: %1$s/%2$s
                    policy: prod.yaml
                    from: staging
                """.formatted(REGISTRY.host(), line);
    }

    private static final String PROD_POLICY = """
            version: 1
            rules:
              - name: mit-only
                kind: content
                licenses:
                  - MIT
            """;

    /** A job that pushes the demo to {@code line}-dev and promotes it to staging, then tries prod. */
    private static WorkflowJob promotingJob(JenkinsRule j, String name, String line) throws Exception {
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, name);
        String dev = REGISTRY.host() + "/" + line + "-dev:1.0.0";
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  writeFile file: '.modelkit/stages.yaml', text: '''" + stages(line) + "'''\n"
                        + "  writeFile file: '.modelkit/prod.yaml', text: '''" + PROD_POLICY + "'''\n"
                        + "  modelkitPack(contextDir: 'project', reference: '" + dev + "', push: true, plainHttp: true)\n"
                        + "  def promoted = modelkitPromote(reference: '" + dev + "', to: 'staging', plainHttp: true)\n"
                        + "  echo \"PROMOTED=${promoted.digest} OUTCOME=${promoted.outcome} TAGS=${promoted.tags.join(',')}"
                        + " BY=${promoted.record.promotedBy} STAGE=${promoted.record.stage}\"\n"
                        + "  modelkitPromote(reference: '" + REGISTRY.host() + "/" + line + "-staging:1.0.0', to: 'prod',"
                        + " plainHttp: true)\n"
                        + "  echo 'AFTER_PROD'\n"
                        + "}\n",
                true));
        return p;
    }

    private static Optional<String> held(String repository, String tag) {
        return RegistryClient.builder(REGISTRY.host()).plainHttp(true).build().headManifest(repository, tag)
                .map(Descriptor::digest).map(Object::toString);
    }

    @Test
    void promotesShowsTheReleasesAndGuardsBadgesAndThePromoteButton(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("modelkit"));
        WorkflowJob p = promotingJob(j, "fraud", "ml/fraud");
        WorkflowJob hidden = promotingJob(j, "hidden", "ml/hidden");

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, p);
        j.buildAndAssertStatus(Result.FAILURE, hidden);

        // the step: staging reached, prod refused by its gate with nothing moved
        Matcher matcher = DIGEST.matcher(JenkinsRule.getLog(build));
        assertThat(matcher.find()).isTrue();
        String digest = matcher.group(1);
        j.assertLogContains("OUTCOME=PROMOTED TAGS=1.0.0,staging,candidate BY=jenkins STAGE=staging", build);
        j.assertLogContains("the gate failed: mit-only: ", build);
        j.assertLogNotContains("AFTER_PROD", build);
        assertThat(held("ml/fraud-staging", "staging")).contains(digest);
        assertThat(held("ml/fraud", "prod")).isEmpty();
        PromotionAction promotion = build.getAction(PromotionAction.class);
        assertThat(promotion.getStage()).isEqualTo("staging");
        assertThat(promotion.getVersion()).isEqualTo("1.0.0");
        assertThat(promotion.getBuildUrl()).isEqualTo(j.getURL() + build.getUrl());
        assertThat(build.getBadgeActions()).contains(promotion);
        assertThat(build.getActions(GateAction.class)).extracting(GateAction::getOutcome).containsExactly("FAIL");
        JSONObject buildApi = j.getJSON(build.getUrl() + "api/json?depth=1").getJSONObject();
        assertThat(buildApi.toString()).contains("\"stage\":\"staging\"").contains(digest);

        // who may see what
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader", "promoter")
                .grant(Item.READ).onItems(p).to("reader", "promoter")
                .grant(ReleasePermissions.PROMOTE).onItems(p).to("promoter")
                .grant(ReleasePermissions.VIEW_STATUS).onItems(p).to("anonymous"));

        try (JenkinsRule.WebClient reader = j.createWebClient().login("reader")) {
            String page = reader.goTo("modelkit-releases").getWebResponse().getContentAsString();
            assertThat(page).contains("demo").contains(digest.substring(7, 19)).contains("Timeline");
            JSONObject api = JSONObject.fromObject(reader.goTo("modelkit-releases/api/json?depth=3", "application/json")
                    .getWebResponse().getContentAsString());
            JSONArray kits = api.getJSONObject("releases").getJSONArray("modelKits");
            assertThat(kits).hasSize(1);
            JSONObject staging = kits.getJSONObject(0).getJSONArray("stages").getJSONObject(1);
            assertThat(staging.getString("stage")).isEqualTo("staging");
            assertThat(staging.getString("digest")).isEqualTo(digest);
            assertThat(staging.getString("version")).isEqualTo("1.0.0");
            assertThat(api.getJSONObject("releases").getJSONArray("timeline").toString())
                    .contains("fraud").doesNotContain("ml/hidden");

            String jobPage = reader.goTo(p.getUrl()).getWebResponse().getContentAsString();
            assertThat(jobPage).contains("modelkit-badge/icon.svg?job=fraud&amp;modelkit=demo&amp;stage=staging");
            JSONObject jobApi = JSONObject.fromObject(reader.goTo(p.getUrl() + "modelkit-releases/api/json?depth=3",
                    "application/json").getWebResponse().getContentAsString());
            assertThat(jobApi.getJSONObject("releases").getJSONArray("modelKits")).hasSize(1);

            // reading the job is not promoting from it
            reader.setThrowExceptionOnFailingStatusCode(false);
            Page refused = reader.getPage(promoteRequest(j, reader, build,
                    REGISTRY.host() + "/ml/fraud-staging@" + digest, "prod"));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        }

        // the badge: anonymous users hold ViewStatus on fraud only; an unknown job answers the same 404
        try (JenkinsRule.WebClient anonymous = j.createWebClient()) {
            anonymous.setThrowExceptionOnFailingStatusCode(false);
            Page badge = anonymous.getPage(new URL(j.getURL(), "modelkit-badge/icon.svg?job=fraud&modelkit=demo&stage=staging"));
            assertThat(badge.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(badge.getWebResponse().getContentType()).isEqualTo("image/svg+xml");
            assertThat(badge.getWebResponse().getResponseHeaderValue("Cache-Control")).isEqualTo("no-cache, no-store, private");
            assertThat(badge.getWebResponse().getResponseHeaderValue("ETag")).isNotBlank();
            assertThat(badge.getWebResponse().getContentAsString()).startsWith("<svg").contains("staging").contains("demo 1.0.0");
            Page empty = anonymous.getPage(new URL(j.getURL(), "modelkit-badge/icon.svg?job=fraud&modelkit=demo&stage=prod"));
            assertThat(empty.getWebResponse().getContentAsString()).contains("none");
            for (String job : List.of("hidden", "no-such-job")) {
                Page refused = anonymous.getPage(new URL(j.getURL(),
                        "modelkit-badge/icon.svg?job=" + job + "&modelkit=demo&stage=staging"));
                assertThat(refused.getWebResponse().getStatusCode()).as(job).isEqualTo(404);
            }
            Page releases = anonymous.getPage(new URL(j.getURL(), "modelkit-releases/api/json"));
            assertThat(releases.getWebResponse().getStatusCode()).as("the releases page needs Overall/Read").isEqualTo(403);
        }

        // promotion from the build's page, with the stages of the global configuration
        ModelKitGlobalConfiguration.get().setStages(stages("ml/fraud").replace("    policy: prod.yaml\n", ""));
        try (JenkinsRule.WebClient promoter = j.createWebClient().login("promoter")) {
            String page = promoter.goTo(build.getUrl() + "modelkit-promote").getWebResponse().getContentAsString();
            assertThat(page).contains(REGISTRY.host() + "/ml/fraud-staging@" + digest);
            Page promoted = promoter.getPage(promoteRequest(j, promoter, build,
                    REGISTRY.host() + "/ml/fraud-staging@" + digest, "prod"));
            assertThat(promoted.getWebResponse().getStatusCode()).isEqualTo(200);
        }
        assertThat(held("ml/fraud", "prod")).contains(digest);
        assertThat(build.getActions(PromotionAction.class)).extracting(PromotionAction::getStage)
                .containsExactly("staging", "prod");
        assertThat(build.getActions(PromotionAction.class).get(1).getPromotedBy()).isEqualTo("promoter");
    }

    private static WebRequest promoteRequest(JenkinsRule j, JenkinsRule.WebClient wc, WorkflowRun build, String reference,
            String stage) throws Exception {
        WebRequest request = new WebRequest(new URL(j.getURL(), build.getUrl() + "modelkit-promote/promote"), HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("reference", reference), new NameValuePair("stage", stage)));
        return wc.addCrumb(request);
    }
}
