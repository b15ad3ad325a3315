// Declarations match org.jenkins-ci.plugins:plain-credentials 199.v9f8e1f741799 (src/main/java/org/jenkinsci/plugins/plaincredentials/impl/StringCredentialsImpl.java).
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;

/** Stub: the descriptor's icon is not declared. */
public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    private static final long serialVersionUID = 1L;

    private final @NonNull Secret secret;

    @DataBoundConstructor
    public StringCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull Secret secret) {
        super(scope, id, description);
        this.secret = secret;
    }

    @Override
    public Secret getSecret() {
        return secret;
    }

    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return "Secret text";
        }
    }
}
