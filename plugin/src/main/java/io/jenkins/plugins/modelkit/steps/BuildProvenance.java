package io.jenkins.plugins.modelkit.steps;

import hudson.model.Run;
import jenkins.model.Jenkins;

/**
 * What this Jenkins says about a build in its provenance: the builder id names this controller
 * (its root URL), the invocation id the build's own page.
 */
final class BuildProvenance {
    static final String BUILDER_PATH = "modelkit-pipeline/v1";
    /** The builder id of a Jenkins whose root URL is not configured. */
    static final String UNNAMED_BUILDER = "urn:jenkins:" + BUILDER_PATH;

    private BuildProvenance() {
    }

    static String builderId() {
        String root = rootUrl();
        return root == null ? UNNAMED_BUILDER : root + BUILDER_PATH;
    }

    /** The build's absolute URL, or null when Jenkins does not know its own. */
    static String invocationId(Run<?, ?> run) {
        String root = rootUrl();
        return root == null ? null : root + run.getUrl();
    }

    private static String rootUrl() {
        String root = Jenkins.get().getRootUrl();
        if (root == null || root.isBlank()) {
            return null;
        }
        return root.endsWith("/") ? root : root + "/";
    }
}
