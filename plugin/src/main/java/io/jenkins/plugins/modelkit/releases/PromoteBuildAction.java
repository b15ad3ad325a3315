package io.jenkins.plugins.modelkit.releases;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.PromoteCallable;
import io.jenkins.plugins.modelkit.agent.StagesSource;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.registry.RegistryAccessResolver;
import io.jenkins.plugins.modelkit.registry.RegistryScope;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.Stage;
import io.modelkit.core.promote.Stages;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * "Promote ModelKit" on a build that pushed or promoted a ModelKit: a form choosing the ModelKit (by
 * digest) and a stage of the configured stages, which runs the stage's gate and the promotion on the
 * controller, records the user who submitted it, and adds the same actions a {@code modelkitPromote}
 * step would. Needs {@link ReleasePermissions#PROMOTE} on the job; the submit is POST only.
 */
public final class PromoteBuildAction implements Action {
    static final String URL_NAME = "modelkit-promote";
    private final Run<?, ?> run;

    PromoteBuildAction(Run<?, ?> run) {
        this.run = run;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** Shown only to users who may promote, and only once stages are configured. */
    @Override
    public String getIconFileName() {
        return run.getParent().hasPermission(ReleasePermissions.PROMOTE) && !getStages().isEmpty()
                ? "symbol-modelkit plugin-modelkit-pipeline" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.PromoteBuildAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The ModelKits this build put in a registry, each pinned to its digest: what the form offers. */
    public List<String> getReferences() {
        return references(run);
    }

    static List<String> references(Run<?, ?> run) {
        Set<String> references = new LinkedHashSet<>();
        for (PromotionAction promotion : run.getActions(PromotionAction.class)) {
            references.add(promotion.getRepository() + "@" + promotion.getDigest());
        }
        for (ModelKitAction kit : run.getActions(ModelKitAction.class)) {
            try {
                if (Location.parse(kit.getReference()) instanceof Reference named && !named.hasDefaultRegistry()) {
                    references.add(named.registry() + "/" + named.repository() + "@" + kit.getDigest());
                }
            } catch (ModelKitException e) {
                // a local layout: nothing a registry stage could be promoted from
            }
        }
        return new ArrayList<>(references);
    }

    /** The configured stage names, in order; empty when none are configured or they do not parse (the check says why). */
    public List<String> getStages() {
        try {
            Stages stages = ModelKitGlobalConfiguration.get().readStages();
            return stages == null ? List.of() : stages.stages().stream().map(Stage::name).toList();
        } catch (ModelKitException e) {
            return List.of();
        }
    }

    /**
     * Runs the promotion the form asks for ({@code reference}, {@code stage}, optional {@code tag},
     * {@code dryRun}) and returns to the build's page, where the outcome is recorded. A failed gate
     * answers with the failed rules after recording them.
     */
    @POST
    public void doPromote(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, InterruptedException {
        run.getParent().checkPermission(ReleasePermissions.PROMOTE);
        String reference = req.getParameter("reference");
        String stage = req.getParameter("stage");
        String tag = req.getParameter("tag");
        if (reference == null || !getReferences().contains(reference)) {
            throw new AbortException(Messages.PromoteBuildAction_UnknownReference(reference));
        }
        Stages stages;
        try {
            stages = ModelKitGlobalConfiguration.get().readStages();
        } catch (ModelKitException e) {
            throw new AbortException(e.getMessage());
        }
        if (stages == null) {
            throw new AbortException(Messages.PromoteBuildAction_NoStages());
        }
        ModelKitSummary summary = promote(reference, stage, tag == null || tag.isBlank() ? null : tag.trim(),
                req.getParameter("dryRun") != null, stages);
        PromotionRecorder.record(run, summary);
        if (PromotionRecorder.gateFailed(summary)) {
            throw new AbortException(Messages.PromoteBuildAction_GateFailed(reference, stage,
                    PromotionRecorder.failedRules(summary)));
        }
        rsp.sendRedirect("..");
    }

    /** On the controller: the registries' access from the global configuration, the log appended to the build's directory. */
    private ModelKitSummary promote(String reference, String stage, String tag, boolean dryRun, Stages stages)
            throws IOException, InterruptedException {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(Reference.parse(reference).registry());
        stages.stages().forEach(s -> hosts.add(s.registry()));
        File scratch = Files.createTempDirectory("modelkit-promote").toFile();
        Files.createDirectories(run.getRootDir().toPath());
        try (OutputStream log = new FileOutputStream(new File(run.getRootDir(), "modelkit-promotions.log"), true)) {
            // only the configured registry access: never the credentials of the user Jenkins runs as
            // (their Docker config, credential helpers or modelkit login store)
            String isolated = scratch.getAbsolutePath();
            AgentSettings settings = new AgentSettings(Map.of("HOME", isolated, "MODELKIT_HOME", isolated,
                    "DOCKER_CONFIG", isolated), isolated,
                    new RegistryAccessResolver(run, ModelKitGlobalConfiguration.get().getRegistries())
                            .resolve(null, RegistryScope.empty(), hosts), null, false, 4);
            StreamTaskListener listener = new StreamTaskListener(log, StandardCharsets.UTF_8);
            listener.getLogger().println("[modelkit] " + Messages.PromoteBuildAction_Started(
                    Jenkins.getAuthentication2().getName(), reference, stage));
            String root = Jenkins.get().getRootUrl();
            return new FilePath(scratch).act(new PromoteCallable(listener, settings, reference, stage,
                    StagesSource.text(ModelKitGlobalConfiguration.get().getStages(),
                            ModelKitGlobalConfiguration.policyDirectory().toString(), stages.source()),
                    tag, dryRun, false, null, Map.of(), List.of(), Jenkins.getAuthentication2().getName(),
                    root == null ? null : root + run.getUrl()));
        } finally {
            try (Stream<Path> files = Files.walk(scratch.toPath())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
