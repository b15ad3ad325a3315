package io.modelkit.core.container;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.provenance.keys.SigningKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Who signs the provenance of a built image and what the build platform says about itself.
 *
 * @param builderId       the URI of the build platform ({@code runDetails.builder.id}), required
 * @param builderVersions component versions of the builder, such as {@code "modelkit" -> "0.1.0"}
 * @param invocationId    this build's id or URL, or null
 * @param startedOn       when the build started, or null
 * @param created         the time written on the referrer manifest
 */
public record ImageAttestation(SigningKey key, String builderId, Map<String, String> builderVersions, String invocationId,
                               Instant startedOn, Instant created) {
    public ImageAttestation {
        Objects.requireNonNull(key, "key");
        if (builderId == null || builderId.isBlank()) {
            throw new ModelKitException("an image attestation needs a builder id (--builder-id), the URI of what built the image");
        }
        builderVersions = Map.copyOf(builderVersions);
        Objects.requireNonNull(created, "created");
    }

    @Override
    public String toString() {
        return "ImageAttestation[key=" + key.fingerprint() + ", builderId=" + builderId + "]";
    }
}
