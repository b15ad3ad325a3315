package io.jenkins.plugins.modelkit.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.registry.RegistryAccessResolver;
import io.jenkins.plugins.modelkit.registry.RegistryEntry;
import io.jenkins.plugins.modelkit.registry.RegistryScope;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs every ModelKit step: on the controller it resolves how to reach each registry, then the
 * step's work runs on the agent ({@link ModelKitStep#perform}), and what came back is recorded on
 * the build and returned to the script as a map. The step is kept transient: only the context is
 * serialized.
 */
final class ModelKitStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient ModelKitStep step;

    ModelKitStepExecution(ModelKitStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected final Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        FilePath workspace = context.get(FilePath.class);
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        RegistryScope scope = context.get(RegistryScope.class);
        AgentSettings settings = new AgentSettings(env, workspace.getRemote(), new RegistryAccessResolver(run, configuredRegistries())
                .resolve(step.getCredentialsId(), scope == null ? RegistryScope.empty() : scope, registries(step.references(workspace))),
                step.getTlsCa(), step.isPlainHttp(), step.getConcurrency());
        StepRun on = new StepRun(workspace, settings, listener, run);
        ModelKitSummary summary = step.perform(on);
        step.record(run, summary);
        return step.result(on, summary);
    }

    private static List<RegistryEntry> configuredRegistries() {
        return ModelKitGlobalConfiguration.get().getRegistries();
    }

    /** The registries the step's references name; local and {@code oci:} references name none. */
    private static Set<String> registries(List<String> references) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String text : references) {
            if (text == null) {
                continue;
            }
            try {
                if (Location.parse(text) instanceof Reference reference && !reference.hasDefaultRegistry()) {
                    hosts.add(reference.registry());
                }
            } catch (ModelKitException e) {
                // the agent reports the malformed reference with its full message
            }
        }
        return hosts;
    }
}
