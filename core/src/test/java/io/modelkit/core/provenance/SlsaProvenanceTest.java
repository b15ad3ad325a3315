package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlsaProvenanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Digest MANIFEST = new Digest("sha256", "1".repeat(64));
    private static final Digest DATASET = new Digest("sha256", "2".repeat(64));
    private static final Digest BASE = new Digest("sha256", "3".repeat(64));
    private static final Digest CONFIG = new Digest("sha256", "4".repeat(64));
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    // sha256 of the RFC 8785 form {"epochs":12,"learning_rate":0.0003}, computed with sha256sum.
    private static final String HYPERPARAMETERS_SHA256 = "c762bb34e3e382e7bb7349ad310e110436c7e6b024a6771c36cee8e2d68e9995";

    @Test
    void shouldWriteTheFullStatement() throws Exception {
        Statement statement = fullProvenance().statement("registry.example.com/ml/dev/fraud-detector", MANIFEST);

        assertThat(new String(statement.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"_type\":\"https://in-toto.io/Statement/v1\","
                + "\"subject\":[{\"name\":\"registry.example.com/ml/dev/fraud-detector\",\"digest\":{\"sha256\":\"" + MANIFEST.hex() + "\"}}],"
                + "\"predicateType\":\"https://slsa.dev/provenance/v1\","
                + "\"predicate\":{\"buildDefinition\":{\"buildType\":\"https://modelkit.io/buildtypes/modelkit-pack/v1\","
                + "\"externalParameters\":{\"repository\":\"https://git.example.com/ml/fraud.git\",\"ref\":\"refs/heads/main\","
                + "\"kitfile\":\"Kitfile\",\"target\":\"registry.example.com/ml/dev/fraud-detector:1.4.0\"},"
                + "\"internalParameters\":{\"jenkinsJob\":\"ml/fraud-detector/main\",\"node\":\"gpu-agent-01\"},"
                + "\"resolvedDependencies\":["
                + "{\"uri\":\"git+https://git.example.com/ml/fraud.git@refs/heads/main\",\"digest\":{\"gitCommit\":\"" + COMMIT + "\"}},"
                + "{\"name\":\"dataset:training\",\"uri\":\"data/train.parquet\",\"digest\":{\"sha256\":\"" + DATASET.hex() + "\"},"
                + "\"mediaType\":\"application/vnd.kitops.modelkit.dataset.v1.tar+gzip\"},"
                + "{\"name\":\"base-model\",\"uri\":\"oci://registry.example.com/ml/base/llm@sha256:" + BASE.hex() + "\","
                + "\"digest\":{\"sha256\":\"" + BASE.hex() + "\"}}]},"
                + "\"runDetails\":{\"builder\":{\"id\":\"https://jenkins.example.com/modelkit-plugin/v1\","
                + "\"version\":{\"jenkins\":\"2.462.3\",\"modelkit-plugin\":\"1.0.0\"}},"
                + "\"metadata\":{\"invocationId\":\"https://jenkins.example.com/job/ml/job/fraud-detector/job/main/42/\","
                + "\"startedOn\":\"2026-09-01T10:00:00Z\",\"finishedOn\":\"2026-09-01T10:20:00Z\"},"
                + "\"byproducts\":[{\"name\":\"Kitfile\",\"digest\":{\"sha256\":\"" + CONFIG.hex() + "\"},"
                + "\"mediaType\":\"application/vnd.kitops.modelkit.config.v1+json\"},"
                + "{\"name\":\"hyperparameters\",\"digest\":{\"sha256\":\"" + HYPERPARAMETERS_SHA256 + "\"},"
                + "\"annotations\":{\"learning_rate\":0.0003,\"epochs\":12}}]}}}");
    }

    @Test
    void shouldHaveTheShapeOfAStatementAndASlsaPredicate() throws Exception {
        JsonNode root = MAPPER.readTree(fullProvenance().statement("registry.example.com/ml/model", MANIFEST).bytes());

        assertThat(fieldNames(root)).containsExactly("_type", "subject", "predicateType", "predicate");
        JsonNode predicate = root.get("predicate");
        assertThat(fieldNames(predicate)).containsExactly("buildDefinition", "runDetails");
        JsonNode definition = predicate.get("buildDefinition");
        assertThat(definition.get("buildType").textValue()).isEqualTo(SlsaProvenance.BUILD_TYPE);
        assertThat(definition.get("externalParameters").isObject()).isTrue();
        assertThat(definition.get("resolvedDependencies").isArray()).isTrue();
        for (JsonNode dependency : definition.get("resolvedDependencies")) {
            assertThat(dependency.has("uri") || dependency.has("digest")).as("ResourceDescriptor %s", dependency).isTrue();
        }
        JsonNode run = predicate.get("runDetails");
        assertThat(run.get("builder").get("id").textValue()).isEqualTo("https://jenkins.example.com/modelkit-plugin/v1");
        assertThat(run.get("metadata").get("startedOn").textValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        JsonNode hyperparameters = run.get("byproducts").get(1);
        assertThat(hyperparameters.get("digest").get("sha256").textValue())
                .isEqualTo(Digest.sha256(CanonicalJson.write(hyperparameters.get("annotations"))).hex());
    }

    @Test
    void shouldWriteOnlyWhatIsSet() {
        SlsaProvenance provenance = SlsaProvenance.builder()
                .builderId("https://ci.example.com/builder")
                .kitfile("Kitfile")
                .startedOn(Instant.parse("2026-09-01T10:00:00.987654Z"))
                .build();

        assertThat(provenance.predicate().toString()).isEqualTo("{\"buildDefinition\":{\"buildType\":\"" + SlsaProvenance.BUILD_TYPE
                + "\",\"externalParameters\":{\"kitfile\":\"Kitfile\"}},"
                + "\"runDetails\":{\"builder\":{\"id\":\"https://ci.example.com/builder\"},"
                + "\"metadata\":{\"startedOn\":\"2026-09-01T10:00:00Z\"}}}");
    }

    @Test
    void shouldWriteAGitUriWithoutRefWhenNoRefIsKnown() {
        SlsaProvenance provenance = SlsaProvenance.builder().builderId("b").repository("https://git.example.com/r.git")
                .gitCommit(COMMIT).build();

        assertThat(provenance.predicate().at("/buildDefinition/resolvedDependencies/0/uri").textValue())
                .isEqualTo("git+https://git.example.com/r.git");
    }

    @Test
    void shouldRefuseIncompleteOrMalformedInput() {
        assertThatThrownBy(() -> SlsaProvenance.builder().build())
                .isInstanceOf(ModelKitException.class).hasMessage("provenance: runDetails.builder.id is required");
        assertThatThrownBy(() -> SlsaProvenance.builder().builderId("b").gitCommit(COMMIT).build())
                .isInstanceOf(ModelKitException.class).hasMessage("provenance gitCommit: the repository it belongs to is required");
        assertThatThrownBy(() -> SlsaProvenance.builder().gitCommit("main"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("provenance gitCommit 'main': expected 40 or 64 lowercase hex digits");
        assertThatThrownBy(() -> SlsaProvenance.builder().hyperparameters(MAPPER.createArrayNode()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("provenance hyperparameters: expected a JSON object, got ARRAY");
        SlsaProvenance provenance = SlsaProvenance.builder().builderId("b").build();
        assertThatThrownBy(() -> provenance.statement("registry.example.com/ml/model:1.0", MANIFEST))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("provenance subject 'registry.example.com/ml/model:1.0': expected a repository without tag or digest");
        assertThat(provenance.statement("localhost:5000/ml/model", MANIFEST).subjects().get(0).name())
                .isEqualTo("localhost:5000/ml/model");
    }

    @Test
    void shouldSignAndVerifyTheProvenanceEndToEnd() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair keys = generator.generateKeyPair();
        Statement statement = fullProvenance().statement("registry.example.com/ml/model", MANIFEST);

        Envelope envelope = Envelope.parse(new EnvelopeSigner(keys.getPrivate()).sign(statement).toJson());
        Statement verified = EnvelopeVerifier.trusting(keys.getPublic()).verifyInToto(envelope).statement();

        assertThat(verified.bytes()).isEqualTo(statement.bytes());
        assertThat(verified.hasSubject(MANIFEST)).isTrue();
        assertThat(verified.predicateType()).isEqualTo(SlsaProvenance.PREDICATE_TYPE);
        assertThat(verified.predicate().at("/buildDefinition/buildType").textValue()).isEqualTo(SlsaProvenance.BUILD_TYPE);
    }

    private static SlsaProvenance fullProvenance() throws Exception {
        return SlsaProvenance.builder()
                .repository("https://git.example.com/ml/fraud.git")
                .ref("refs/heads/main")
                .kitfile("Kitfile")
                .target("registry.example.com/ml/dev/fraud-detector:1.4.0")
                .internalParameter("jenkinsJob", "ml/fraud-detector/main")
                .internalParameter("node", "gpu-agent-01")
                .gitCommit(COMMIT)
                .dataset("training", "data/train.parquet", DATASET, "application/vnd.kitops.modelkit.dataset.v1.tar+gzip")
                .baseModelKit("registry.example.com/ml/base/llm", BASE)
                .builderId("https://jenkins.example.com/modelkit-plugin/v1")
                .builderVersion("jenkins", "2.462.3")
                .builderVersion("modelkit-plugin", "1.0.0")
                .invocationId("https://jenkins.example.com/job/ml/job/fraud-detector/job/main/42/")
                .startedOn(Instant.parse("2026-09-01T10:00:00Z"))
                .finishedOn(Instant.parse("2026-09-01T10:20:00.5Z"))
                .kitfileConfig(CONFIG)
                .hyperparameters(MAPPER.readTree("{\"learning_rate\":0.0003,\"epochs\":12}"))
                .build();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
