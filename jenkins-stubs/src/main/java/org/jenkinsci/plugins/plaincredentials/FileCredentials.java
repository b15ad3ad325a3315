// Declarations match org.jenkins-ci.plugins:plain-credentials 199.v9f8e1f741799 (src/main/java/org/jenkinsci/plugins/plaincredentials/FileCredentials.java).
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;

/** A "Secret file" credential. Upstream also carries {@code @NameWith} and a nested NameProvider; not declared. */
public interface FileCredentials extends StandardCredentials {
    @NonNull
    String getFileName();

    @NonNull
    InputStream getContent() throws IOException;
}
