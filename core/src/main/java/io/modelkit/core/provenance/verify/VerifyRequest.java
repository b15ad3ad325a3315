package io.modelkit.core.provenance.verify;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.provenance.SlsaProvenance;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a verification requires: trusted keys, how far integrity is checked, the predicate type,
 * and expectations on the provenance (builder id, source repository and ref patterns, age).
 */
public record VerifyRequest(List<PublicKey> trustedKeys, boolean fullIntegrity, String predicateType, String builderId,
                            Pattern sourceRepository, Pattern sourceRef, Duration maxAge, Instant now, int concurrency) {
    public VerifyRequest {
        trustedKeys = List.copyOf(trustedKeys);
        if (trustedKeys.isEmpty()) {
            throw new ModelKitException("verification needs at least one trusted public key (--key or --keys-dir)");
        }
        if (concurrency < 1) {
            throw new ModelKitException("concurrency must be at least 1, was " + concurrency);
        }
    }

    public static Builder builder(List<PublicKey> trustedKeys) {
        return new Builder(trustedKeys);
    }

    /** Builds a request: full integrity, SLSA provenance v1, no expectations, now, 4 blobs at once. */
    public static final class Builder {
        private final List<PublicKey> trustedKeys;
        private boolean fullIntegrity = true;
        private String predicateType = SlsaProvenance.PREDICATE_TYPE;
        private String builderId;
        private Pattern sourceRepository;
        private Pattern sourceRef;
        private Duration maxAge;
        private Instant now = Instant.now();
        private int concurrency = 4;

        private Builder(List<PublicKey> trustedKeys) {
            this.trustedKeys = new ArrayList<>(trustedKeys);
        }

        /** false: check the manifest's own digest only, not every blob (no download). */
        public Builder fullIntegrity(boolean value) {
            this.fullIntegrity = value;
            return this;
        }

        public Builder predicateType(String value) {
            this.predicateType = value;
            return this;
        }

        public Builder builderId(String value) {
            this.builderId = value;
            return this;
        }

        /** The source repository must match this pattern, whole. */
        public Builder sourceRepository(Pattern value) {
            this.sourceRepository = value;
            return this;
        }

        /** The source ref must match this pattern, whole. */
        public Builder sourceRef(Pattern value) {
            this.sourceRef = value;
            return this;
        }

        /** The provenance's finish (or start) time must be at most this old. */
        public Builder maxAge(Duration value) {
            this.maxAge = value;
            return this;
        }

        public Builder now(Instant value) {
            this.now = value;
            return this;
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public VerifyRequest build() {
            return new VerifyRequest(trustedKeys, fullIntegrity, predicateType, builderId, sourceRepository, sourceRef,
                    maxAge, now, concurrency);
        }
    }
}
