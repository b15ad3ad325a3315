package io.modelkit.core.provenance.attest;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.provenance.keys.SigningKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an attestation says and how it is signed and stored: the build's source (repository, ref,
 * commit, Kitfile path), the target reference, who built it (builder id and versions, invocation
 * id, start and finish), the key, and whether cosign's legacy {@code .att} image is written too.
 *
 * @param subjectName the name in the statement's subject: the repository without tag, e.g. {@code registry.example.com/ml/model}
 */
public record AttestRequest(SigningKey key, String subjectName, String sourceRepository, String sourceRef, String gitCommit,
                            String kitfile, String target, String builderId, Map<String, String> builderVersions,
                            String invocationId, Instant startedOn, Instant finishedOn, Map<String, String> internalParameters,
                            boolean legacy, Instant created) {
    public AttestRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subjectName, "subjectName");
        if (builderId == null || builderId.isBlank()) {
            throw new ModelKitException("an attestation needs a builder id (--builder-id), the URI of what built the ModelKit");
        }
        builderVersions = Map.copyOf(builderVersions);
        internalParameters = Map.copyOf(internalParameters);
        Objects.requireNonNull(created, "created");
    }

    public static Builder builder(SigningKey key, String subjectName, String builderId) {
        return new Builder(key, subjectName, builderId);
    }

    /** Builds a request; everything but the key, the subject name and the builder id is optional. */
    public static final class Builder {
        private final SigningKey key;
        private final String subjectName;
        private final String builderId;
        private String sourceRepository;
        private String sourceRef;
        private String gitCommit;
        private String kitfile;
        private String target;
        private final Map<String, String> builderVersions = new LinkedHashMap<>();
        private String invocationId;
        private Instant startedOn;
        private Instant finishedOn;
        private final Map<String, String> internalParameters = new LinkedHashMap<>();
        private boolean legacy = true;
        private Instant created = Instant.now();

        private Builder(SigningKey key, String subjectName, String builderId) {
            this.key = key;
            this.subjectName = subjectName;
            this.builderId = builderId;
        }

        public Builder sourceRepository(String value) {
            this.sourceRepository = value;
            return this;
        }

        public Builder sourceRef(String value) {
            this.sourceRef = value;
            return this;
        }

        public Builder gitCommit(String value) {
            this.gitCommit = value;
            return this;
        }

        public Builder kitfile(String value) {
            this.kitfile = value;
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder builderVersion(String component, String version) {
            builderVersions.put(component, version);
            return this;
        }

        public Builder invocationId(String value) {
            this.invocationId = value;
            return this;
        }

        public Builder startedOn(Instant value) {
            this.startedOn = value;
            return this;
        }

        public Builder finishedOn(Instant value) {
            this.finishedOn = value;
            return this;
        }

        public Builder internalParameter(String name, String value) {
            internalParameters.put(name, value);
            return this;
        }

        /** Also write cosign's legacy {@code sha256-<hex>.att} image (default); off for immutable tags. */
        public Builder legacy(boolean value) {
            this.legacy = value;
            return this;
        }

        public Builder created(Instant value) {
            this.created = value;
            return this;
        }

        public AttestRequest build() {
            return new AttestRequest(key, subjectName, sourceRepository, sourceRef, gitCommit, kitfile, target, builderId,
                    builderVersions, invocationId, startedOn, finishedOn, internalParameters, legacy, created);
        }
    }
}
