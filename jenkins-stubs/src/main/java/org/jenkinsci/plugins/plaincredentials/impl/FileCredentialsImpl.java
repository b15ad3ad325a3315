// Declarations match org.jenkins-ci.plugins:plain-credentials 199.v9f8e1f741799 (src/main/java/org/jenkinsci/plugins/plaincredentials/impl/FileCredentialsImpl.java).
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * Stub: only the programmatic constructor. Upstream's Stapler constructors take a commons-fileupload
 * FileItem, and getSecretBytes is restricted to Jelly; neither is declared.
 */
public final class FileCredentialsImpl extends BaseStandardCredentials implements FileCredentials {
    private static final long serialVersionUID = 1L;

    @NonNull
    private final String fileName;

    @NonNull
    private final SecretBytes secretBytes;

    public FileCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull String fileName, @NonNull SecretBytes secretBytes) {
        super(scope, id, description);
        this.fileName = fileName;
        this.secretBytes = secretBytes;
    }

    @Override
    public String getFileName() {
        return fileName;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new ByteArrayInputStream(secretBytes.getPlainData());
    }

    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return "Secret file";
        }
    }
}
