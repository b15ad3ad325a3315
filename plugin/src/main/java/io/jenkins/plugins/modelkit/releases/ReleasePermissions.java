package io.jenkins.plugins.modelkit.releases;

import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;

/**
 * The plugin's permissions, granted per job (or folder): who may see a ModelKit's status badge
 * without reading the job (anonymous users, for a README), and who may promote from the UI.
 * Their own group, so that they never clash with another plugin's.
 */
public final class ReleasePermissions {
    public static final PermissionGroup GROUP = new PermissionGroup(ReleasePermissions.class,
            Messages._ReleasePermissions_Group());

    /** Fetch the SVG status badges of the job's ModelKits; implied by Item/Read. */
    public static final Permission VIEW_STATUS = new Permission(GROUP, "ViewStatus",
            Messages._ReleasePermissions_ViewStatus(), Item.READ, PermissionScope.ITEM);

    /** Promote a ModelKit a build recorded from the build's page; implied by Item/Configure. */
    public static final Permission PROMOTE = new Permission(GROUP, "Promote",
            Messages._ReleasePermissions_Promote(), Item.CONFIGURE, PermissionScope.ITEM);

    private ReleasePermissions() {
    }
}
