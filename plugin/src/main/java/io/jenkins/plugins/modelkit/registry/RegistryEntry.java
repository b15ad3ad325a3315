package io.jenkins.plugins.modelkit.registry;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.modelkit.Fields;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Reference;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One registry in the global configuration: its host, the credentials steps use for it, a CA
 * certificate to trust, and plain HTTP for a lab registry.
 */
public final class RegistryEntry implements Describable<RegistryEntry> {
    private final String host;
    private String credentialsId;
    private String caCertificate;
    private boolean plainHttp;

    @DataBoundConstructor
    public RegistryEntry(String host) {
        this.host = host == null ? null : host.trim();
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

    /** PEM text of the CA certificates to trust for this registry, or null for the JVM's own. */
    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = Fields.blankToNull(caCertificate);
    }

    public boolean isPlainHttp() {
        return plainHttp;
    }

    @DataBoundSetter
    public void setPlainHttp(boolean plainHttp) {
        this.plainHttp = plainHttp;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<RegistryEntry> {
        @Override
        public String getDisplayName() {
            return Messages.RegistryEntry_DisplayName();
        }

        @POST
        public FormValidation doCheckHost(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.RegistryEntry_HostRequired());
            }
            try {
                Reference parsed = Reference.parse(value.trim() + "/probe");
                if (!parsed.registry().equals(value.trim())) {
                    return FormValidation.error(Messages.RegistryEntry_HostInvalid(value));
                }
            } catch (ModelKitException e) {
                return FormValidation.error(Messages.RegistryEntry_HostInvalid(value));
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value != null && !value.isBlank() && !value.contains("-----BEGIN CERTIFICATE-----")) {
                return FormValidation.error(Messages.RegistryEntry_NotPem());
            }
            return FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class, java.util.List.of())
                    .includeCurrentValue(credentialsId);
        }
    }
}
