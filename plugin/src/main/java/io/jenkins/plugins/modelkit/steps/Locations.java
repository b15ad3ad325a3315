package io.jenkins.plugins.modelkit.steps;

import hudson.FilePath;
import io.modelkit.core.oci.LayoutReference;

/** References as the agent must see them: an {@code oci:} layout path is relative to the workspace. */
final class Locations {
    private static final String OCI = "oci:";

    private Locations() {
    }

    /** {@code oci:PATH[:TAG]} with PATH resolved against the workspace; any other reference as it is. */
    static String onAgent(String reference, FilePath workspace) {
        if (reference == null || !reference.startsWith(OCI)) {
            return reference;
        }
        // the core's own parser, so that Windows drive letters and digests split as they do on the agent
        LayoutReference layout = LayoutReference.parse(reference);
        String path = workspace.child(layout.path().toString()).getRemote();
        if (layout.digest() != null) {
            return OCI + path + "@" + layout.digest();
        }
        return OCI + path + (layout.refName() == null ? "" : ":" + layout.refName());
    }
}
