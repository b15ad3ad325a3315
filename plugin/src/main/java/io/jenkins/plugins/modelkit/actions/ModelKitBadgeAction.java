package io.jenkins.plugins.modelkit.actions;

import hudson.model.BuildBadgeAction;

/** The build-history badge of a pushed ModelKit: an icon whose tooltip says {@code name:tag @ sha256:...}. */
public final class ModelKitBadgeAction implements BuildBadgeAction {
    private final String reference;
    private final String digest;

    ModelKitBadgeAction(String reference, String digest) {
        this.reference = reference;
        this.digest = digest;
    }

    public String getReference() {
        return reference;
    }

    public String getDigest() {
        return digest;
    }

    /** The tooltip: the reference and a digest short enough to read. */
    public String getTooltip() {
        return Messages.ModelKitBadgeAction_Tooltip(reference, digest);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return getTooltip();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
