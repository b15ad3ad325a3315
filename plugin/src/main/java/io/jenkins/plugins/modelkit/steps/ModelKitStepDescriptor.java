package io.jenkins.plugins.modelkit.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of the ModelKit steps share: they run inside {@code node}, with a
 * workspace, and fill the credentials list with the permission checks the Credentials plugin asks for.
 */
public abstract class ModelKitStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(FilePath.class, Run.class, TaskListener.class, EnvVars.class);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return credentialsItems(item, credentialsId, StandardUsernamePasswordCredentials.class);
    }

    /** The credentials of {@code type} the user may pick for {@code item}, with the permission checks the Credentials plugin asks for. */
    static ListBoxModel credentialsItems(Item item, String current, Class<? extends StandardCredentials> type) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, type, List.of())
                .includeCurrentValue(current);
    }

    @POST
    public FormValidation doCheckConcurrency(@AncestorInPath Item item, @QueryParameter String value) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        }
        return positive(value);
    }

    static FormValidation positive(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            if (Integer.parseInt(value.trim()) >= 1) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(Messages.ModelKitStep_NotAPositiveNumber(value));
    }
}
