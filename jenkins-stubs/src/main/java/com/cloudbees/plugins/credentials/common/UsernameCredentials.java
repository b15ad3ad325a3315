// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java).
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();

    default boolean isUsernameSecret() {
        return true;
    }
}
