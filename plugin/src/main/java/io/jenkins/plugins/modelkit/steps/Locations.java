package io.jenkins.plugins.modelkit.steps;

import hudson.FilePath;

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
        String rest = reference.substring(OCI.length());
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        String path = colon > slash ? rest.substring(0, colon) : rest;
        String tag = colon > slash ? rest.substring(colon) : "";
        return OCI + workspace.child(path).getRemote() + tag;
    }
}
