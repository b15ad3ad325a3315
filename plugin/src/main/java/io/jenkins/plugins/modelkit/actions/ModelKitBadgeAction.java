package io.jenkins.plugins.modelkit.actions;

import hudson.model.BuildBadgeAction;

/**
 * The build-history badge of a pushed or verified ModelKit: an icon whose tooltip says
 * {@code name:tag @ sha256:...}, {@code (verified)} once the build verified its provenance, and the
 * outcome of a gate the build ran on it.
 */
public final class ModelKitBadgeAction implements BuildBadgeAction {
    private final String reference;
    private final String digest;
    private boolean verified;
    private String gate;

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

    /** The outcome of the last gate this build ran on the ModelKit ({@code PASS}, {@code WARN}, {@code FAIL}), or null. */
    public String getGate() {
        return gate;
    }

    void gate(String outcome) {
        this.gate = outcome;
    }

    /** The tooltip: the reference and digest, whether the ModelKit was verified, and its gate's outcome. */
    public String getTooltip() {
        String tooltip = verified ? Messages.ModelKitBadgeAction_VerifiedTooltip(reference, digest)
                : Messages.ModelKitBadgeAction_Tooltip(reference, digest);
        return gate == null ? tooltip : Messages.ModelKitBadgeAction_GateTooltip(tooltip, gate);
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
