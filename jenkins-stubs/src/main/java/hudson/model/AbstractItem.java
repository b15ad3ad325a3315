// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/AbstractItem.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.model.Loadable;

/**
 * Stub: name and parent only; {@code getRootDir()} is a directory under java.io.tmpdir, {@code save()} does nothing.
 * Upstream also implements HttpDeletable, DescriptorByNameOwner and StaplerProxy.
 */
public abstract class AbstractItem extends Actionable implements Loadable, Item, AccessControlled {
    private final transient ItemGroup parent;
    protected volatile String name;

    protected AbstractItem(ItemGroup parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDisplayName() {
        return getName();
    }

    public File getRootDir() {
        return new File(new File(System.getProperty("java.io.tmpdir"), "jenkins-stubs-items"), getFullName());
    }

    public @NonNull ItemGroup getParent() {
        return parent;
    }

    @Override
    public final String getFullName() {
        String p = parent == null ? "" : parent.getFullName();
        return p == null || p.isEmpty() ? name : p + '/' + name;
    }

    @Override
    public final String getFullDisplayName() {
        String p = parent == null ? "" : parent.getFullDisplayName();
        return p == null || p.isEmpty() ? getDisplayName() : p + " » " + getDisplayName();
    }

    @Override
    public final String getUrl() {
        String base = parent == null ? "" : parent.getUrl();
        return (base == null ? "" : base) + "job/" + name + '/';
    }

    @Override
    public ACL getACL() {
        return ACL.lambda2((a, p) -> true);
    }

    public synchronized void save() throws IOException {
    }

    @Override
    public void load() throws IOException {
    }
}
