package io.modelkit.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.provenance.attest.AttestRequest;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A signed and an unsigned ModelKit in a real registry through a whole policy, and the signed VSA that records it. */
class GateRegistryTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    private static final Instant BUILT = Instant.parse("2026-11-01T10:20:00Z");
    private static final String BUILDER = "https://jenkins.example.com/modelkit-pipeline/v1";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private final SigningKey key = KeyPairs.generate();
    private final SigningKey gateKey = KeyPairs.generate();
    private RegistryClient client;

    @BeforeEach
    void push() {
        Path dir = temp.resolve("layout");
        LayoutStore layout = LayoutStore.open(dir);
        LayoutReference name = LayoutReference.of(dir, "v1");
        Packer.pack(PackRequest.builder(EXAMPLE).created(BUILT).target(name).build(), layout);
        client = RegistryClient.builder(REGISTRY.host()).build();
        for (String repository : List.of("ml/signed", "ml/unsigned")) {
            new Copier(4, ProgressListener.NONE).copy(new StoreEndpoint(layout, name),
                    new RegistryEndpoint(client, Reference.parse(REGISTRY.host() + "/" + repository + ":1.4.0")));
        }
        RegistryEndpoint signed = endpoint("ml/signed");
        Attester.attest(AttestRequest.builder(key, REGISTRY.host() + "/ml/signed", BUILDER)
                .sourceRepository("https://git.example.com/ml/sentiment.git").sourceRef("refs/heads/main")
                .gitCommit("0123456789abcdef0123456789abcdef01234567").kitfile("Kitfile")
                .target(REGISTRY.host() + "/ml/signed:1.4.0").finishedOn(BUILT).created(BUILT).build(),
                signed, new RegistryAttestationStore(client, "ml/signed"));
    }

    private RegistryEndpoint endpoint(String repository) {
        return new RegistryEndpoint(client, Reference.parse(REGISTRY.host() + "/" + repository + ":1.4.0"));
    }

    private String policy(ModelKitContents modelKit) {
        String datasets = modelKit.layers().stream().filter(l -> l.entry().kind() == LayerKind.DATASET)
                .map(l -> "'" + l.descriptor().digest() + "'").collect(Collectors.joining(", "));
        return """
                version: 1
                rules:
                  - name: signed-by-ci
                    kind: provenance
                    keys: ['%s']
                    builderIds: ['%s']
                    buildType: https://modelkit.io/buildtypes/modelkit-pack/v1
                    sourceRepository: 'https://git\\.example\\.com/ml/.*'
                    sourceRef: refs/heads/main
                    maxAge: 7d
                    externalParameters: [repository, ref, kitfile, target]
                    requireGitCommit: true
                    datasetDigests: [%s]
                  - name: same-parameters
                    kind: hyperparameters
                    frozen: ['model.parameters.training.**']
                  - name: no-overwrite
                    kind: registry
                """.formatted(key.fingerprint(), BUILDER, datasets);
    }

    private GateReport gate(String repository, Policy policy, List<PublicKey> trusted) {
        RegistryEndpoint endpoint = endpoint(repository);
        ModelKitContents modelKit = ModelKitReader.read(endpoint);
        Descriptor subject = modelKit.descriptor();
        List<VerifiedAttestation> verified = VerifiedAttestation.find(new RegistryAttestationStore(client, repository),
                subject, trusted);
        String target = REGISTRY.host() + "/" + repository + ":prod";
        return Gate.evaluate(policy, GateInput.builder(modelKit, subject.digest()).attestations(verified).baseline(modelKit)
                .target(target, client.headManifest(repository, "prod").map(Descriptor::digest).orElse(null))
                .now(BUILT.plus(Duration.ofDays(1))).build());
    }

    @Test
    void shouldPassTheSignedModelKitAndRecordTheDecisionAsASignedVsa() {
        ModelKitContents modelKit = ModelKitReader.read(endpoint("ml/signed"));
        Policy policy = PolicyReader.read(policy(modelKit).getBytes(StandardCharsets.UTF_8), ".modelkit/gate.yaml");

        GateReport report = gate("ml/signed", policy, List.of(key.publicKey()));

        assertThat(report.results()).extracting(RuleResult::status).as(GateReports.text(report))
                .containsExactly(Status.PASS, Status.PASS, Status.PASS);
        assertThat(report.results().get(0).message()).isEqualTo("signed by [" + key.fingerprint() + "]; every expectation met");
        assertThat(report.results().get(0).compared()).extracting(Comparison::what)
                .contains("builder.id", "buildType", "source repository", "source ref", "age", "externalParameters", "gitCommit");

        RegistryAttestationStore store = new RegistryAttestationStore(client, "ml/signed");
        List<VerifiedAttestation> inputs = VerifiedAttestation.find(store, modelKit.descriptor(), List.of(key.publicKey()));
        var vsa = VerificationSummary.statement(report, REGISTRY.host() + "/ml/signed",
                "oci://" + REGISTRY.host() + "/ml/signed@" + report.digest(), "test", inputs);
        VerificationSummary.signAndStore(vsa, gateKey, store, modelKit.descriptor(), BUILT);

        List<VerifiedAttestation> byGate = VerifiedAttestation.find(store, modelKit.descriptor(), List.of(gateKey.publicKey()));
        assertThat(byGate).singleElement().satisfies(found -> {
            assertThat(found.keyFingerprint()).isEqualTo(gateKey.fingerprint().toString());
            assertThat(found.statement().predicateType()).isEqualTo(VerificationSummary.PREDICATE_TYPE);
            assertThat(found.statement().hasSubject(report.digest())).isTrue();
            JsonNode predicate = found.statement().predicate();
            assertThat(predicate.path("verificationResult").asText()).isEqualTo("PASSED");
            assertThat(predicate.path("slsaVersion").asText()).isEqualTo("1.0");
            assertThat(predicate.path("verifier").path("id").asText()).isEqualTo(VerificationSummary.VERIFIER_ID);
            assertThat(predicate.path("policy").path("uri").asText()).isEqualTo(".modelkit/gate.yaml");
            assertThat(predicate.path("policy").path("digest").path("sha256").asText()).isEqualTo(policy.digest().hex());
            assertThat(predicate.path("inputAttestations")).hasSize(2);
            assertThat(predicate.path("timeVerified").asText()).isEqualTo("2026-11-02T10:20:00Z");
        });
    }

    @Test
    void shouldFailTheUnsignedOneAndAnUntrustedOrMissingSecondSigner() {
        ModelKitContents modelKit = ModelKitReader.read(endpoint("ml/unsigned"));
        Policy policy = PolicyReader.read(policy(modelKit).getBytes(StandardCharsets.UTF_8), "gate.yaml");

        GateReport unsigned = gate("ml/unsigned", policy, List.of(key.publicKey()));
        assertThat(unsigned.outcome()).isEqualTo(Status.FAIL);
        assertThat(unsigned.results().get(0).message()).isEqualTo("no attestation of " + unsigned.digest()
                + " signed by a trusted key");

        GateReport untrusted = gate("ml/signed", policy, List.of(gateKey.publicKey()));
        assertThat(untrusted.results().get(0).status()).isEqualTo(Status.FAIL);

        String twoOfTwo = policy(modelKit).replace("keys: ['" + key.fingerprint() + "']",
                "keys: ['" + key.fingerprint() + "', '" + gateKey.fingerprint() + "']\n    minSignatures: 2");
        GateReport one = gate("ml/signed", PolicyReader.read(twoOfTwo.getBytes(StandardCharsets.UTF_8), "gate.yaml"),
                List.of(key.publicKey(), gateKey.publicKey()));
        assertThat(one.results().get(0).message()).isEqualTo("signed by 1 trusted key(s), 2 required");

        String wrongBuilder = policy(modelKit).replace(BUILDER, "https://other.example.com/");
        GateReport builder = gate("ml/signed", PolicyReader.read(wrongBuilder.getBytes(StandardCharsets.UTF_8), "gate.yaml"),
                List.of(key.publicKey()));
        assertThat(builder.results().get(0).message()).contains("builder id '" + BUILDER + "' is not allowed",
                "none of 2 SLSA provenance statements meets every expectation");
    }
}
