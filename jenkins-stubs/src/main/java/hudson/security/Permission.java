// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/security/Permission.java).
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;

/**
 * Stub: scopes are kept but not enforced; no global registry ({@code fromId}, {@code getAll}).
 * {@code HUDSON_PERMISSIONS} is owned by {@code Jenkins} here (upstream: its subclass {@code hudson.model.Hudson},
 * not declared), so the Administer ID differs from upstream's {@code hudson.model.Hudson.Administer}.
 */
public final class Permission {
    public final @NonNull Class owner;
    public final @NonNull PermissionGroup group;
    public final @NonNull String name;
    public final @CheckForNull Localizable description;
    public final @CheckForNull Permission impliedBy;
    public boolean enabled;
    private final @NonNull Set<PermissionScope> scopes;

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, boolean enable, @NonNull PermissionScope[] scopes) throws IllegalStateException {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
        this.enabled = enable;
        this.scopes = Set.of(scopes);
        group.add(this);
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        this(group, name, description, impliedBy, true, new PermissionScope[]{scope});
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy, boolean enable) {
        this(group, name, description, impliedBy, enable, new PermissionScope[]{PermissionScope.JENKINS});
    }

    public boolean isContainedBy(@NonNull PermissionScope s) {
        for (PermissionScope c : scopes) {
            if (c.isContainedBy(s)) {
                return true;
            }
        }
        return false;
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy) {
        this(group, name, description, impliedBy, true);
    }

    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Permission impliedBy) {
        this(group, name, null, impliedBy);
    }

    public @NonNull String getId() {
        return owner.getName() + '.' + name;
    }

    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']';
    }

    public void setEnabled(boolean enable) {
        enabled = enable;
    }

    public boolean getEnabled() {
        return enabled;
    }

    public static final PermissionGroup HUDSON_PERMISSIONS = new PermissionGroup(Jenkins.class, null);
    public static final Permission HUDSON_ADMINISTER = new Permission(HUDSON_PERMISSIONS, "Administer", null, null);
    public static final PermissionGroup GROUP = new PermissionGroup(Permission.class, null);
    public static final Permission FULL_CONTROL = new Permission(GROUP, "FullControl", null, HUDSON_ADMINISTER);
    public static final Permission READ = new Permission(GROUP, "GenericRead", null, HUDSON_ADMINISTER);
    public static final Permission WRITE = new Permission(GROUP, "GenericWrite", null, HUDSON_ADMINISTER);
    public static final Permission CREATE = new Permission(GROUP, "GenericCreate", null, WRITE);
    public static final Permission UPDATE = new Permission(GROUP, "GenericUpdate", null, WRITE);
    public static final Permission DELETE = new Permission(GROUP, "GenericDelete", null, WRITE);
    public static final Permission CONFIGURE = new Permission(GROUP, "GenericConfigure", null, UPDATE);
}
