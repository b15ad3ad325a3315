package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;
import java.time.Duration;

/**
 * What a verification requires beyond a trusted signature, as the step was given it: every blob
 * hashed or the manifest only, the builder id, patterns the source repository and ref must match
 * whole, and the greatest age. Null means "not checked".
 */
public record VerifyExpectations(boolean fullIntegrity, String builderId, String sourceRepository, String sourceRef,
                                 Duration maxAge) implements Serializable {
    private static final long serialVersionUID = 1L;
}
