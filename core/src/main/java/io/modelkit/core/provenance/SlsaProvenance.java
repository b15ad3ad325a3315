package io.modelkit.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.MediaTypes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SLSA Provenance v1 predicate of a ModelKit pack, and the in-toto statement that binds it to
 * the ModelKit's manifest digest. External parameters hold only the values passed in; the digests
 * of what they point to (git commit, datasets, base ModelKits) go in {@code resolvedDependencies}.
 * Built with {@link #builder()}.
 */
public final class SlsaProvenance {
    /** The SLSA Provenance v1 predicateType. */
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
    /** Our buildType: the parameter schema of a ModelKit pack, documented at this URI. */
    public static final String BUILD_TYPE = "https://modelkit.io/buildtypes/modelkit-pack/v1";
    /** Name of the byproduct that records the hyperparameters. */
    public static final String HYPERPARAMETERS = "hyperparameters";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final ObjectNode predicate;

    private SlsaProvenance(ObjectNode predicate) {
        this.predicate = predicate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of the predicate, fields in the order of the SLSA spec. */
    public ObjectNode predicate() {
        return predicate.deepCopy();
    }

    /**
     * The statement for a ModelKit: one subject named {@code repository} (registry/namespace/repo,
     * without tag, as cosign names it) with the manifest's sha256.
     */
    public Statement statement(String repository, Digest manifest) {
        if (repository.contains("@") || repository.lastIndexOf(':') > repository.lastIndexOf('/')) {
            throw new ModelKitException("provenance subject '" + repository + "': expected a repository without tag or digest");
        }
        return Statement.of(List.of(Subject.of(repository, manifest)), PREDICATE_TYPE, predicate);
    }

    /** {@code YYYY-MM-DDThh:mm:ssZ} in UTC, the timestamp form SLSA uses; fractions of a second are dropped. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Collects the facts of one pack; only what is set is written. */
    public static final class Builder {
        private String repository;
        private String ref;
        private String kitfile;
        private String target;
        private final Map<String, String> internalParameters = new LinkedHashMap<>();
        private String gitCommit;
        private final List<ObjectNode> datasets = new ArrayList<>();
        private final List<ObjectNode> baseModelKits = new ArrayList<>();
        private String builderId;
        private final Map<String, String> builderVersion = new LinkedHashMap<>();
        private String invocationId;
        private Instant startedOn;
        private Instant finishedOn;
        private Digest kitfileConfig;
        private JsonNode hyperparameters;

        private Builder() {
        }

        /** The source repository URL, e.g. {@code https://git.example.com/ml/fraud.git}. */
        public Builder repository(String value) {
            this.repository = withoutUserInfo(value);
            return this;
        }

        /** {@code https://token@host/...} as {@code https://host/...}: provenance is public, a clone URL's credentials are not. */
        static String withoutUserInfo(String url) {
            if (url == null) {
                return null;
            }
            return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
        }

        /** The git ref that was built, e.g. {@code refs/heads/main}. */
        public Builder ref(String value) {
            this.ref = value;
            return this;
        }

        /** The Kitfile path as passed in. */
        public Builder kitfile(String value) {
            this.kitfile = value;
            return this;
        }

        /** The reference the ModelKit was packed as, tag included. */
        public Builder target(String value) {
            this.target = value;
            return this;
        }

        /** A platform-set parameter such as the job name or agent; written in insertion order. */
        public Builder internalParameter(String name, String value) {
            internalParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The commit {@link #ref} resolved to (40 or 64 lowercase hex); needs {@link #repository}. */
        public Builder gitCommit(String value) {
            if (value != null && !GIT_COMMIT.matcher(value).matches()) {
                throw new ModelKitException("provenance gitCommit '" + value + "': expected 40 or 64 lowercase hex digits");
            }
            this.gitCommit = value;
            return this;
        }

        /**
         * A dataset packed into the ModelKit: {@code {"name":"dataset:<name>","uri":<uri>,"digest":{"sha256":…},"mediaType":…}}.
         *
         * @param mediaType the layer's media type, or null to leave it out
         */
        public Builder dataset(String name, String uri, Digest digest, String mediaType) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", "dataset:" + Objects.requireNonNull(name, "name"));
            node.put("uri", Objects.requireNonNull(uri, "uri"));
            putDigest(node, digest);
            if (mediaType != null && !mediaType.isEmpty()) {
                node.put("mediaType", mediaType);
            }
            datasets.add(node);
            return this;
        }

        /**
         * A ModelKit this one builds on: {@code {"name":"base-model","uri":"oci://<repository>@sha256:…","digest":{"sha256":…}}}.
         *
         * @param repository {@code registry/namespace/repo}, without tag
         */
        public Builder baseModelKit(String repository, Digest manifest) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", "base-model");
            node.put("uri", "oci://" + Objects.requireNonNull(repository, "repository") + "@" + manifest);
            putDigest(node, manifest);
            baseModelKits.add(node);
            return this;
        }

        /** The builder id, the URI of the trusted build platform; required. */
        public Builder builderId(String value) {
            this.builderId = value;
            return this;
        }

        /** A component version of the builder, e.g. {@code "jenkins" -> "2.462.3"}; insertion order. */
        public Builder builderVersion(String component, String version) {
            builderVersion.put(Objects.requireNonNull(component, "component"), Objects.requireNonNull(version, "version"));
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

        /** The digest of the Kitfile config blob, recorded as a byproduct. */
        public Builder kitfileConfig(Digest value) {
            this.kitfileConfig = value;
            return this;
        }

        /**
         * The training hyperparameters, a JSON object; recorded as a byproduct whose digest is the
         * sha256 of their RFC 8785 canonical JSON and whose annotations are the values themselves.
         */
        public Builder hyperparameters(JsonNode value) {
            if (value != null && !value.isObject()) {
                throw new ModelKitException("provenance hyperparameters: expected a JSON object, got " + value.getNodeType());
            }
            this.hyperparameters = value == null ? null : value.deepCopy();
            return this;
        }

        public SlsaProvenance build() {
            if (builderId == null || builderId.isEmpty()) {
                throw new ModelKitException("provenance: runDetails.builder.id is required");
            }
            if (gitCommit != null && (repository == null || repository.isEmpty())) {
                throw new ModelKitException("provenance gitCommit: the repository it belongs to is required");
            }
            JsonNodeFactory json = JsonNodeFactory.instance;
            ObjectNode predicate = json.objectNode();
            ObjectNode definition = predicate.putObject("buildDefinition");
            definition.put("buildType", BUILD_TYPE);
            ObjectNode external = definition.putObject("externalParameters");
            putIfSet(external, "repository", repository);
            putIfSet(external, "ref", ref);
            putIfSet(external, "kitfile", kitfile);
            putIfSet(external, "target", target);
            if (!internalParameters.isEmpty()) {
                ObjectNode internal = definition.putObject("internalParameters");
                internalParameters.forEach(internal::put);
            }
            ArrayNode dependencies = json.arrayNode();
            if (gitCommit != null) {
                ObjectNode git = dependencies.addObject();
                git.put("uri", "git+" + repository + (ref == null || ref.isEmpty() ? "" : "@" + ref));
                git.putObject("digest").put("gitCommit", gitCommit);
            }
            dependencies.addAll(datasets);
            dependencies.addAll(baseModelKits);
            if (!dependencies.isEmpty()) {
                definition.set("resolvedDependencies", dependencies.deepCopy());
            }

            ObjectNode run = predicate.putObject("runDetails");
            ObjectNode builder = run.putObject("builder");
            builder.put("id", builderId);
            if (!builderVersion.isEmpty()) {
                ObjectNode version = builder.putObject("version");
                builderVersion.forEach(version::put);
            }
            ObjectNode metadata = json.objectNode();
            putIfSet(metadata, "invocationId", invocationId);
            if (startedOn != null) {
                metadata.put("startedOn", timestamp(startedOn));
            }
            if (finishedOn != null) {
                metadata.put("finishedOn", timestamp(finishedOn));
            }
            if (!metadata.isEmpty()) {
                run.set("metadata", metadata);
            }
            ArrayNode byproducts = json.arrayNode();
            if (kitfileConfig != null) {
                ObjectNode config = byproducts.addObject();
                config.put("name", "Kitfile");
                putDigest(config, kitfileConfig);
                config.put("mediaType", MediaTypes.KIT_CONFIG);
            }
            if (hyperparameters != null) {
                ObjectNode params = byproducts.addObject();
                params.put("name", HYPERPARAMETERS);
                putDigest(params, hyperparametersDigest(hyperparameters));
                params.set("annotations", hyperparameters.deepCopy());
            }
            if (!byproducts.isEmpty()) {
                run.set("byproducts", byproducts);
            }
            return new SlsaProvenance(predicate);
        }

        private static void putIfSet(ObjectNode node, String field, String value) {
            if (value != null && !value.isEmpty()) {
                node.put(field, value);
            }
        }

        private static void putDigest(ObjectNode node, Digest digest) {
            node.putObject("digest").put(digest.algorithm(), digest.hex());
        }
    }

    /** The digest recorded for {@code hyperparameters}: sha256 of their RFC 8785 canonical JSON. */
    public static Digest hyperparametersDigest(JsonNode hyperparameters) {
        return Digest.sha256(CanonicalJson.write(hyperparameters));
    }
}
