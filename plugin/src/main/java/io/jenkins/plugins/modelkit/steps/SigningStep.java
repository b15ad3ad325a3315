package io.jenkins.plugins.modelkit.steps;

import hudson.model.Run;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.SecretSigningKey;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that signs with a private key from the Credentials plugin: the key in a "Secret file", its
 * password (for an encrypted key) in a "Secret text". Only the credential IDs are part of the step.
 */
public abstract class SigningStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private String keyCredentialsId;
    private String passwordCredentialsId;

    public String getKeyCredentialsId() {
        return keyCredentialsId;
    }

    /** A "Secret file" credential holding the private key (PKCS#8, encrypted PKCS#8, SEC1 or cosign's PEM). */
    @DataBoundSetter
    public void setKeyCredentialsId(String keyCredentialsId) {
        this.keyCredentialsId = Fields.blankToNull(keyCredentialsId);
    }

    public String getPasswordCredentialsId() {
        return passwordCredentialsId;
    }

    /** A "Secret text" credential holding the private key's password, for an encrypted key. */
    @DataBoundSetter
    public void setPasswordCredentialsId(String passwordCredentialsId) {
        this.passwordCredentialsId = Fields.blankToNull(passwordCredentialsId);
    }

    /** The key for the agent, or null when no key is configured. */
    SecretSigningKey signingKey(Run<?, ?> run) throws IOException {
        return keyCredentialsId == null ? null : KeyCredentials.signing(run, keyCredentialsId, passwordCredentialsId);
    }
}
