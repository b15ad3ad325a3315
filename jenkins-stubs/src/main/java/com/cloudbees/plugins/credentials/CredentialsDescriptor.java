// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/CredentialsDescriptor.java).
package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Upstream also implements IconSpec and has form helpers ({@code doFillScopeItems}, ...); not declared. */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }

    protected CredentialsDescriptor() {
    }
}
