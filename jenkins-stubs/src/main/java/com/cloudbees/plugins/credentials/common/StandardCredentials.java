// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java).
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Upstream also carries {@code @Recommended}/{@code @NameWith} and nests a NameProvider; not declared. */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
