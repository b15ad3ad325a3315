package io.modelkit.core.gate;

import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a gate looks at: the ModelKit and its manifest digest, its verified attestations, the baseline
 * to compare hyperparameters and content with (null when there is none), the target tag and the digest
 * it holds now (null when the tag is absent; the tag itself null when no target was given), and the time.
 */
public record GateInput(ModelKitContents modelKit, Digest digest, List<VerifiedAttestation> attestations,
                        ModelKitContents baseline, String targetTag, Digest targetDigest, Instant now) {
    public GateInput {
        Objects.requireNonNull(modelKit, "modelKit");
        Objects.requireNonNull(digest, "digest");
        attestations = List.copyOf(attestations);
        Objects.requireNonNull(now, "now");
    }

    public static Builder builder(ModelKitContents modelKit, Digest digest) {
        return new Builder(modelKit, digest);
    }

    /** Builds an input: no attestations, no baseline, no target, now. */
    public static final class Builder {
        private final ModelKitContents modelKit;
        private final Digest digest;
        private List<VerifiedAttestation> attestations = List.of();
        private ModelKitContents baseline;
        private String targetTag;
        private Digest targetDigest;
        private Instant now = Instant.now();

        private Builder(ModelKitContents modelKit, Digest digest) {
            this.modelKit = modelKit;
            this.digest = digest;
        }

        public Builder attestations(List<VerifiedAttestation> value) {
            this.attestations = value;
            return this;
        }

        public Builder baseline(ModelKitContents value) {
            this.baseline = value;
            return this;
        }

        /** The tag the ModelKit is to move to and the digest it holds now, null when it is absent. */
        public Builder target(String tag, Digest current) {
            this.targetTag = tag;
            this.targetDigest = current;
            return this;
        }

        public Builder now(Instant value) {
            this.now = value;
            return this;
        }

        public GateInput build() {
            return new GateInput(modelKit, digest, attestations, baseline, targetTag, targetDigest, now);
        }
    }
}
