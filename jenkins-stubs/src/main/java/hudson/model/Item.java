// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Item.java).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;

/**
 * Only the members the plugin uses. Upstream also extends PersistenceRoot, FullyNamedModelObject,
 * SearchableModelObject, FullyNamed, Named and OnMaster.
 */
public interface Item extends AccessControlled, ModelObject {
    String getName();

    String getFullName();

    String getFullDisplayName();

    String getUrl();

    PermissionGroup PERMISSIONS = new PermissionGroup(Item.class, null);
    Permission CREATE = new Permission(PERMISSIONS, "Create", null, Permission.CREATE);
    Permission DELETE = new Permission(PERMISSIONS, "Delete", null, Permission.DELETE);
    Permission CONFIGURE = new Permission(PERMISSIONS, "Configure", null, Permission.CONFIGURE);
    Permission READ = new Permission(PERMISSIONS, "Read", null, Permission.READ);
    Permission DISCOVER = new Permission(PERMISSIONS, "Discover", null, READ);
    Permission EXTENDED_READ = new Permission(PERMISSIONS, "ExtendedRead", null, CONFIGURE);
    Permission BUILD = new Permission(PERMISSIONS, "Build", null, Permission.UPDATE);
    Permission WORKSPACE = new Permission(PERMISSIONS, "Workspace", null, Permission.READ);
    Permission CANCEL = new Permission(PERMISSIONS, "Cancel", null, BUILD);
}
