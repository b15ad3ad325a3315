package io.jenkins.plugins.modelkit.steps;

import io.jenkins.plugins.modelkit.Fields;
import java.io.Serializable;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every ModelKit step takes to reach a registry. The password never is a step argument (step
 * arguments are stored with the build and shown in its pipeline view): only a {@code credentialsId}.
 */
public abstract class ModelKitStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_CONCURRENCY = 4;

    private String credentialsId;
    private boolean plainHttp;
    private String tlsCa;
    private int concurrency = DEFAULT_CONCURRENCY;

    public String getCredentialsId() {
        return credentialsId;
    }

    /** Username with password credentials for the registry this step talks to. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Fields.blankToNull(credentialsId);
    }

    public boolean isPlainHttp() {
        return plainHttp;
    }

    @DataBoundSetter
    public void setPlainHttp(boolean plainHttp) {
        this.plainHttp = plainHttp;
    }

    public String getTlsCa() {
        return tlsCa;
    }

    /** A PEM file of CA certificates on the agent, relative to the workspace. */
    @DataBoundSetter
    public void setTlsCa(String tlsCa) {
        this.tlsCa = Fields.blankToNull(tlsCa);
    }

    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException(Messages.ModelKitStep_ConcurrencyTooSmall(concurrency));
        }
        this.concurrency = concurrency;
    }

    /** The references this step reads or writes, whose registries it may talk to. */
    abstract List<String> references();

    /** {@link #references()}, and those only files in the workspace name (such as a stages file). */
    List<String> references(FilePath workspace) throws IOException, InterruptedException {
        return references();
    }

    /** Runs the step's operation, on the agent that holds {@code on.workspace()}. */
    abstract ModelKitSummary perform(StepRun on) throws Exception;

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
    Map<String, Object> result(StepRun on, ModelKitSummary summary) throws Exception {
        return summary.toMap();
    }

    @Override
    public final StepExecution start(StepContext context) {
        return new ModelKitStepExecution(this, context);
    }
}
