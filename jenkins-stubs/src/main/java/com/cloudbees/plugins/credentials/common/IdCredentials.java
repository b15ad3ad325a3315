// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java).
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Upstream also nests a {@code Helpers} class and carries {@code @LegacyMixIn}; not declared. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
