package io.jenkins.plugins.modelkit.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.registry.RegistryAccessResolver;
import io.jenkins.plugins.modelkit.registry.RegistryEntry;
import io.jenkins.plugins.modelkit.registry.RegistryScope;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a ModelKit step: on the controller it resolves how to reach each registry, then the work
 * runs on the agent ({@link #perform}), and what came back is recorded on the build and returned
 * to the script as a map. The step is kept transient: only the context is serialized.
 */
abstract class ModelKitStepExecution<S extends ModelKitStep> extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient S step;

    ModelKitStepExecution(S step, StepContext context) {
        super(context);
        this.step = step;
    }

    S step() {
        return step;
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
                .resolve(step.getCredentialsId(), scope == null ? RegistryScope.empty() : scope, registries(step)),
                step.getTlsCa(), step.isPlainHttp(), step.getConcurrency());
        ModelKitSummary summary = perform(workspace, settings, listener);
        record(run, summary);
        return result(run, summary);
    }

    /** Runs the operation on the agent that holds {@code workspace}. */
    abstract ModelKitSummary perform(FilePath workspace, AgentSettings settings, TaskListener listener) throws Exception;

    /** How the build records the result ({@code packed}, {@code pushed}), or null if it does not. */
    String recordedAs(ModelKitSummary summary) {
        return null;
    }

    /** Records the result on the build, as {@link #recordedAs} says. */
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        String recorded = recordedAs(summary);
        if (recorded != null) {
            ModelKitRecorder.record(run, recorded, summary);
        }
    }

    /** The step's return value; a step may still fail here, once the build has recorded what it found. */
    Map<String, Object> result(Run<?, ?> run, ModelKitSummary summary) throws Exception {
        return summary.toMap();
    }

    private static List<RegistryEntry> configuredRegistries() {
        return ModelKitGlobalConfiguration.get().getRegistries();
    }

    /** The registries the step's references name; local and {@code oci:} references name none. */
    private static Set<String> registries(ModelKitStep step) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String text : step.references()) {
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
