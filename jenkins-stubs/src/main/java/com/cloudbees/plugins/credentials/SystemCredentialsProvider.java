// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/SystemCredentialsProvider.java).
package com.cloudbees.plugins.credentials;

import hudson.ExtensionList;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stub: one in-memory list of global credentials; {@link #getInstance()} registers an instance in the
 * {@link ExtensionList} registry on first use (upstream finds it as an {@code @Extension}); {@code save()} does nothing.
 */
public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider>
        implements Saveable {

    private final List<Credentials> credentials = new CopyOnWriteArrayList<>();

    public SystemCredentialsProvider() {
    }

    public static SystemCredentialsProvider getInstance() {
        synchronized (SystemCredentialsProvider.class) {
            ExtensionList<SystemCredentialsProvider> all = ExtensionList.lookup(SystemCredentialsProvider.class);
            SystemCredentialsProvider p = all.get(SystemCredentialsProvider.class);
            if (p == null) {
                p = new SystemCredentialsProvider();
                all.add(p);
            }
            return p;
        }
    }

    public List<Credentials> getCredentials() {
        return credentials;
    }

    @Override
    public void save() throws IOException {
    }
}
