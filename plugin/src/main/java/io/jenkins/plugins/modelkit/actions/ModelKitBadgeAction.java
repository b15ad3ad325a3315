package io.jenkins.plugins.modelkit.actions;

import hudson.model.BuildBadgeAction;

/**
 * The build-history badge of a pushed or verified ModelKit: an icon whose tooltip says
 * {@code name:tag @ sha256:...}, and {@code (verified)} once the build verified its provenance.
 */
public final class ModelKitBadgeAction implements BuildBadgeAction {
    private final String reference;
    private final String digest;
    private boolean verified;

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

    /** Whether this build verified the ModelKit's signed provenance. */
    public boolean isVerified() {
        return verified;
    }

    void verified(boolean value) {
        this.verified = value;
    }

    /** The tooltip: the reference and digest, and whether the ModelKit was verified. */
    public String getTooltip() {
        return verified ? Messages.ModelKitBadgeAction_VerifiedTooltip(reference, digest)
                : Messages.ModelKitBadgeAction_Tooltip(reference, digest);
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
