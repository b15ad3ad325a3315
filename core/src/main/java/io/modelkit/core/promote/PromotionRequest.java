package io.modelkit.core.promote;

import io.modelkit.core.provenance.keys.SigningKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A promotion of {@code source} to {@code stage}: optional version tag (default: the source's tag), the
 * key that signs the record (null: unsigned record), keys whose attestations the gate counts, the
 * environment that names who and which build promoted ({@code BUILD_USER_ID}, {@code USER},
 * {@code BUILD_URL}), dry run and force. {@link SigningKey#toString()} shows only the fingerprint.
 */
public record PromotionRequest(String source, String stage, String tag, boolean dryRun, boolean force,
                               SigningKey key, List<PublicKey> trustedKeys, Map<String, String> env, Instant now) {
    public PromotionRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stage, "stage");
        trustedKeys = List.copyOf(trustedKeys);
        env = Map.copyOf(env);
        Objects.requireNonNull(now, "now");
    }

    public static Builder builder(String source, String stage) {
        return new Builder(source, stage);
    }

    /** Who promotes: the CI user, else the login name, else {@code unknown}. */
    String actor() {
        for (String name : List.of("MODELKIT_PROMOTER", "BUILD_USER_ID", "USER", "USERNAME")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }

    String buildUrl() {
        String value = env.get("BUILD_URL");
        return value == null || value.isBlank() ? null : value;
    }

    public static final class Builder {
        private final String source;
        private final String stage;
        private String tag;
        private boolean dryRun;
        private boolean force;
        private SigningKey key;
        private List<PublicKey> trustedKeys = List.of();
        private Map<String, String> env = Map.of();
        private Instant now = Instant.now();

        private Builder(String source, String stage) {
            this.source = source;
            this.stage = stage;
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        public Builder key(SigningKey value) {
            this.key = value;
            return this;
        }

        public Builder trustedKeys(List<PublicKey> value) {
            this.trustedKeys = value;
            return this;
        }

        public Builder env(Map<String, String> value) {
            this.env = value;
            return this;
        }

        public Builder now(Instant value) {
            this.now = value;
            return this;
        }

        public PromotionRequest build() {
            return new PromotionRequest(source, stage, tag, dryRun, force, key, trustedKeys, env, now);
        }
    }
}
