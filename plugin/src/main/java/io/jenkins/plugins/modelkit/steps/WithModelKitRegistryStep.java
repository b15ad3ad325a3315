package io.jenkins.plugins.modelkit.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.registry.RegistryScope;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withModelKitRegistry(host: ..., credentialsId: ...) { ... }}: the ModelKit steps inside the
 * block use these credentials (and CA, and plain HTTP) for that registry, in the manner of
 * {@code withDockerRegistry}. Blocks nest; the innermost one for a host wins.
 */
public final class WithModelKitRegistryStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String host;
    private String credentialsId;
    private boolean plainHttp;
    private String tlsCa;

    /** @param host the registry, {@code host[:port]} as in a reference */
    @DataBoundConstructor
    public WithModelKitRegistryStep(String host) {
        this.host = Fields.blankToNull(host);
    }

    public String getHost() {
        return host;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

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

    @DataBoundSetter
    public void setTlsCa(String tlsCa) {
        this.tlsCa = Fields.blankToNull(tlsCa);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, new RegistryScope.Entry(host, credentialsId, plainHttp, tlsCa));
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;

        private final RegistryScope.Entry entry;

        Execution(StepContext context, RegistryScope.Entry entry) {
            super(context);
            this.entry = entry;
        }

        @Override
        public boolean start() throws Exception {
            Steps.require(entry.host(), "host");
            if (entry.credentialsId() != null) {
                // a wrong ID fails here, naming the block, not later inside some step
                Run<?, ?> run = getContext().get(Run.class);
                if (CredentialsProvider.findCredentialById(entry.credentialsId(), StandardUsernamePasswordCredentials.class,
                        run, URIRequirementBuilder.fromUri("https://" + entry.host()).build()) == null) {
                    throw new AbortException(Messages.WithModelKitRegistryStep_CredentialsNotFound(entry.credentialsId(),
                            entry.host()));
                }
            }
            RegistryScope outer = getContext().get(RegistryScope.class);
            RegistryScope scope = (outer == null ? RegistryScope.empty() : outer).with(entry);
            getContext().newBodyInvoker()
                    .withContext(scope)
                    .withCallback(BodyExecutionCallback.wrap(getContext()))
                    .start();
            return false;
        }
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "withModelKitRegistry";
        }

        @Override
        public String getDisplayName() {
            return Messages.WithModelKitRegistryStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(RegistryScope.class);
        }
    }
}
