// Declarations match org.jenkins-ci.plugins:plain-credentials 199.v9f8e1f741799 (src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java).
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** A "Secret text" credential. Upstream also carries {@code @NameWith} and a nested NameProvider; not declared. */
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
