// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/jenkins/model/Jenkins.java).
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ModelObject;
import java.io.File;
import org.springframework.security.access.AccessDeniedException;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stub: one instance that grants every permission; descriptors come from the {@link ExtensionList} registry.
 * Without an authentication in the Spring SecurityContext, {@link #getAuthentication2()} returns
 * {@link ACL#SYSTEM2} (upstream: {@code ANONYMOUS2}). It holds no items: {@link #getItemByFullName} finds
 * none. {@link #getRootDir()} is a directory under java.io.tmpdir. Upstream extends AbstractCIBase and
 * implements many more interfaces; only AccessControlled and ModelObject are declared.
 */
public class Jenkins implements AccessControlled, ModelObject {
    private static final Jenkins INSTANCE = new Jenkins();

    public static final PermissionGroup PERMISSIONS = Permission.HUDSON_PERMISSIONS;
    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;
    public static final Permission MANAGE = new Permission(PERMISSIONS, "Manage", null, ADMINISTER);
    public static final Permission READ = new Permission(PERMISSIONS, "Read", null, Permission.READ);

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        return INSTANCE;
    }

    public static Jenkins getInstanceOrNull() {
        return INSTANCE;
    }

    public static @NonNull Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? ACL.SYSTEM2 : a;
    }

    @Override
    public @NonNull ACL getACL() {
        return ACL.lambda2((a, p) -> true);
    }

    @Override
    public String getDisplayName() {
        return "Jenkins";
    }

    public File getRootDir() {
        return new File(System.getProperty("java.io.tmpdir"), "jenkins-stubs-root");
    }

    /** Stub: no items. */
    public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        return null;
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        return null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        for (Descriptor d : ExtensionList.lookup(Descriptor.class)) {
            if (d.clazz == type) {
                return d;
            }
        }
        throw new AssertionError(type + " is missing its descriptor");
    }
}
