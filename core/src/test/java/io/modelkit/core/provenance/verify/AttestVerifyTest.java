package io.modelkit.core.provenance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.PackResult;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeSigner;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.Subject;
import io.modelkit.core.provenance.attest.AttestRequest;
import io.modelkit.core.provenance.attest.AttestResult;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attest then verify, in an OCI layout and in a real registry (through the referrers fallback tag),
 * and the tamper matrix: each broken thing fails verification with a check naming it.
 */
class AttestVerifyTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    private static final Instant BUILT = Instant.parse("2026-11-01T10:20:00Z");
    private static final String BUILDER = "https://jenkins.example.com/modelkit-pipeline/v1";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private final SigningKey key = KeyPairs.generate();
    private LayoutStore layout;
    private LayoutReference name;
    private PackResult packed;

    @BeforeEach
    void pack() {
        Path dir = temp.resolve("layout");
        layout = LayoutStore.open(dir);
        name = LayoutReference.of(dir, "v1");
        packed = Packer.pack(PackRequest.builder(EXAMPLE).created(BUILT).target(name).build(), layout);
    }

    private AttestRequest.Builder request(SigningKey signer) {
        return AttestRequest.builder(signer, "registry.example.com/ml/sentiment", BUILDER)
                .sourceRepository("https://git.example.com/ml/sentiment.git")
                .sourceRef("refs/heads/main")
                .gitCommit("0123456789abcdef0123456789abcdef01234567")
                .kitfile("Kitfile")
                .target("registry.example.com/ml/sentiment:1.4.0")
                .builderVersion("modelkit", "test")
                .invocationId("https://jenkins.example.com/job/sentiment/42/")
                .startedOn(BUILT.minusSeconds(600))
                .finishedOn(BUILT)
                .created(BUILT);
    }

    private VerifyRequest.Builder trusting(SigningKey... keys) {
        return VerifyRequest.builder(Stream.of(keys).map(SigningKey::publicKey).map(k -> (java.security.PublicKey) k).toList())
                .now(BUILT.plus(Duration.ofDays(1)));
    }

    private VerificationReport verify(VerifyRequest request) {
        return Verifier.verify(request, new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name),
                ProgressListener.NONE);
    }

    private static List<String> failures(VerificationReport report) {
        Stream<Check> checks = Stream.concat(report.integrity().stream(),
                report.attestations().stream().flatMap(result -> result.checks().stream()));
        return checks.filter(check -> !check.passed()).map(check -> check.name() + ": " + check.detail()).toList();
    }

    @Test
    void shouldVerifyWhatItAttestedWithEveryExpectation() {
        AttestResult attested = Attester.attest(request(key).build(), new StoreEndpoint(layout, name),
                new StoreAttestationStore(layout, name));

        VerificationReport report = verify(trusting(key).builderId(BUILDER)
                .sourceRepository(Pattern.compile("https://git\\.example\\.com/ml/.*"))
                .sourceRef(Pattern.compile("refs/heads/main")).maxAge(Duration.ofDays(7)).build());

        assertThat(report.passed()).as(failures(report).toString()).isTrue();
        assertThat(report.manifest()).isEqualTo(packed.descriptor().digest());
        assertThat(report.attestations()).hasSize(2).allMatch(AttestationResult::passed);
        assertThat(report.attestations().get(0).checks()).extracting(Check::name)
                .containsExactly("signature", "subject", "predicate type", "builder id", "source repository", "source ref", "age");
        assertThat(report.attestations().get(0).checks().get(0).detail()).isEqualTo("signed by " + Digest.sha256(key.publicKey().getEncoded()));
        Statement statement = Statement.parse(attested.statement());
        assertThat(statement.hasSubject(packed.descriptor().digest())).isTrue();
        assertThat(statement.predicate().path("runDetails").path("byproducts").toString())
                .contains("\"name\":\"hyperparameters\"", packed.manifest().config().digest().hex());
        assertThat(statement.predicate().path("buildDefinition").path("resolvedDependencies").toString())
                .contains("dataset:", "gitCommit");
    }

    @Test
    void shouldFailWhenALayerBlobChanged() throws Exception {
        Attester.attest(request(key).build(), new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name));
        Digest layer = packed.manifest().layers().get(0).digest();
        Path blob = layout.layout().blobPath(layer);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);

        VerificationReport report = verify(trusting(key).build());

        assertThat(report.passed()).isFalse();
        assertThat(failures(report)).singleElement().asString()
                .startsWith("integrity: layer model/sentiment-linear.safetensors (" + layer + ") has digest sha256:")
                .endsWith("the manifest says " + layer);
    }

    @Test
    void shouldFailWhenTheConfigChanged() throws Exception {
        Attester.attest(request(key).build(), new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name));
        Digest config = packed.manifest().config().digest();
        Path blob = layout.layout().blobPath(config);
        Files.writeString(blob, Files.readString(blob).replace("sentiment", "sentimenT"));

        VerificationReport report = verify(trusting(key).build());

        assertThat(report.passed()).isFalse();
        assertThat(failures(report)).singleElement().asString()
                .startsWith("integrity: blob " + config + " has digest sha256:");
        assertThat(report.attestations()).allMatch(AttestationResult::passed);
    }

    @Test
    void shouldFailWithoutAnyAttestationOrWithAnUntrustedKey() {
        assertThat(verify(trusting(key).build()).attestations()).isEmpty();
        assertThat(verify(trusting(key).build()).passed()).isFalse();

        Attester.attest(request(KeyPairs.generate()).build(), new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name));
        VerificationReport report = verify(trusting(key).build());
        assertThat(report.passed()).isFalse();
        assertThat(failures(report)).hasSize(2).allSatisfy(failure -> assertThat(failure)
                .startsWith("signature: DSSE envelope: none of its 1 signature(s) verifies with any of the 1 trusted key(s)"));
    }

    @Test
    void shouldFailAStatementEditedAfterSigningOrAboutAnotherModelKit() {
        StoreAttestationStore store = new StoreAttestationStore(layout, name);
        Statement honest = SlsaProvenance.builder().builderId(BUILDER).build()
                .statement("registry.example.com/ml/sentiment", packed.descriptor().digest());
        Envelope signed = new EnvelopeSigner(key.privateKey()).sign(honest);
        String edited = new String(honest.bytes(), StandardCharsets.UTF_8).replace(BUILDER, "https://evil.example.com/");
        Envelope tampered = new Envelope(signed.payloadType(), edited.getBytes(StandardCharsets.UTF_8), signed.signatures());
        store.storeLegacy(packed.descriptor(), tampered.toJson(), SlsaProvenance.PREDICATE_TYPE);
        Statement elsewhere = SlsaProvenance.builder().builderId(BUILDER).build()
                .statement("registry.example.com/ml/sentiment", Digest.sha256(new byte[] {1}));
        store.storeLegacy(packed.descriptor(), new EnvelopeSigner(key.privateKey()).sign(elsewhere).toJson(),
                SlsaProvenance.PREDICATE_TYPE);
        Statement otherType = Statement.of(List.of(Subject.of("x", packed.descriptor().digest())),
                "https://example.com/other/v1", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        store.storeLegacy(packed.descriptor(), new EnvelopeSigner(key.privateKey()).sign(otherType).toJson(),
                SlsaProvenance.PREDICATE_TYPE);
        store.storeLegacy(packed.descriptor(), "{\"payload\":\"%%%\",\"payloadType\":\"application/vnd.in-toto+json\",\"signatures\":[{\"sig\":\"AA==\"}]}"
                .getBytes(StandardCharsets.UTF_8), SlsaProvenance.PREDICATE_TYPE);

        VerificationReport report = verify(trusting(key).build());

        assertThat(report.passed()).isFalse();
        assertThat(report.attestations()).hasSize(4).noneMatch(AttestationResult::passed);
        assertThat(failures(report)).hasSize(4);
        assertThat(failures(report).get(0)).startsWith("signature: DSSE envelope: none of its 1 signature(s) verifies");
        assertThat(failures(report).get(1)).isEqualTo("subject: the statement is about " + Digest.sha256(new byte[] {1})
                + ", not " + packed.descriptor().digest());
        assertThat(failures(report).get(2)).isEqualTo("predicate type: https://example.com/other/v1, expected "
                + SlsaProvenance.PREDICATE_TYPE);
        assertThat(failures(report).get(3)).startsWith("signature: DSSE envelope").contains("payload");
    }

    @Test
    void shouldFailExpectationsTheProvenanceDoesNotMeet() {
        Attester.attest(request(key).legacy(false).build(), new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name));

        VerificationReport report = verify(trusting(key).builderId("https://other.example.com/")
                .sourceRef(Pattern.compile("refs/tags/v.*")).maxAge(Duration.ofHours(1)).build());

        assertThat(report.passed()).isFalse();
        assertThat(failures(report)).containsExactly(
                "builder id: '" + BUILDER + "', expected 'https://other.example.com/'",
                "source ref: 'refs/heads/main', expected a match of 'refs/tags/v.*'",
                "age: built 2026-11-01T10:20:00Z, older than PT1H");
    }

    @Test
    void shouldAttestAndVerifyInARegistryThroughTheReferrersFallback() {
        RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
        Reference remote = Reference.parse(REGISTRY.host() + "/ml/attested:1.4.0");
        new Copier(4, ProgressListener.NONE).copy(new StoreEndpoint(layout, name), new RegistryEndpoint(client, remote));
        RegistryAttestationStore store = new RegistryAttestationStore(client, "ml/attested");
        Attester.attest(request(key).build(), new RegistryEndpoint(client, remote), store);

        VerificationReport report = Verifier.verify(trusting(key).builderId(BUILDER).build(),
                new RegistryEndpoint(client, remote), store, ProgressListener.NONE);

        assertThat(report.passed()).as(failures(report).toString()).isTrue();
        assertThat(report.attestations()).extracting(AttestationResult::origin)
                .anySatisfy(origin -> assertThat(origin).startsWith("bundle referrer sha256:"))
                .anySatisfy(origin -> assertThat(origin).endsWith(".att layer 1"));
        assertThat(client.listTags("ml/attested")).contains("sha256-" + packed.descriptor().digest().hex(),
                "sha256-" + packed.descriptor().digest().hex() + ".att");

        // the tag now names another ModelKit: its attestations do not carry over
        Packer.pack(PackRequest.builder(EXAMPLE).created(BUILT.plusSeconds(1)).target(name).build(), layout);
        new Copier(4, ProgressListener.NONE).copy(new StoreEndpoint(layout, name), new RegistryEndpoint(client, remote));
        VerificationReport replaced = Verifier.verify(trusting(key).build(), new RegistryEndpoint(client, remote), store,
                ProgressListener.NONE);
        assertThat(replaced.passed()).isFalse();
        assertThat(replaced.attestations()).isEmpty();
    }

    @Test
    void shouldRefuseProvenanceFromTheFutureAndKeepCredentialsOutOfIt() {
        AttestResult attested = Attester.attest(request(key).sourceRepository("https://ci-bot:s3cret@git.example.com/ml/sentiment.git")
                .finishedOn(BUILT.plus(Duration.ofDays(30))).build(), new StoreEndpoint(layout, name), new StoreAttestationStore(layout, name));

        VerificationReport report = verify(trusting(key).maxAge(Duration.ofDays(7)).build());

        assertThat(report.passed()).isFalse();
        assertThat(failures(report)).contains("age: built 2026-12-01T10:20:00Z, in the future");
        assertThat(new String(attested.statement(), StandardCharsets.UTF_8))
                .contains("\"repository\":\"https://git.example.com/ml/sentiment.git\"").doesNotContain("s3cret");
    }
}
