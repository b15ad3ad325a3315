// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/BaseCredentials.java).
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.ExportedBean;

@ExportedBean
public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    @CheckForNull
    private final CredentialsScope scope;

    protected BaseCredentials() {
        this.scope = null;
    }

    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        this.scope = scope;
    }

    @Override
    @CheckForNull
    public CredentialsScope getScope() {
        return scope;
    }

    @Override
    @NonNull
    public CredentialsDescriptor getDescriptor() {
        return (CredentialsDescriptor) Jenkins.get().getDescriptorOrDie(getClass());
    }
}
