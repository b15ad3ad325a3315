// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/security/PermissionGroup.java).
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jvnet.localizer.Localizable;

/** Stub: keeps its permissions; no global registry ({@code getAll}, {@code get}) and no scopes. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    private final List<Permission> permissions = new ArrayList<>();
    private final String id;
    public final Class owner;
    public final Localizable title;

    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        this(owner.getName(), owner, title);
    }

    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        this.id = id;
        this.owner = owner;
        this.title = title;
    }

    public String getId() {
        return id;
    }

    public String getOwnerClassName() {
        return owner.getName();
    }

    @Override
    public Iterator<Permission> iterator() {
        return getPermissions().iterator();
    }

    public synchronized List<Permission> getPermissions() {
        return new ArrayList<>(permissions);
    }

    public synchronized Permission find(String name) {
        for (Permission p : permissions) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    public synchronized int size() {
        return permissions.size();
    }

    synchronized void add(Permission p) {
        permissions.add(p);
    }

    @Override
    public int compareTo(PermissionGroup that) {
        return id.compareTo(that.id);
    }
}
