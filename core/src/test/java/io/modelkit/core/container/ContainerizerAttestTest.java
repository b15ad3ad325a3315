package io.modelkit.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeVerifier;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.SigstoreBundle;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.provenance.oci.StoredAttestation;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.auth.CredentialProvider;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.transfer.Endpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Signed SLSA provenance for a built image, stored as its referrer in the registry or the layout. */
class ContainerizerAttestTest {
    private static final Instant NOW = Instant.parse("2026-11-03T09:00:00Z");

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    private static LayoutReference kit;
    private static String base;

    private final SigningKey key = KeyPairs.generate();

    @TempDir
    Path temp;

    @BeforeAll
    static void prepare() throws Exception {
        Tools.pushBusyboxBase(shared, REGISTRY.host(), "runtime/busybox", "1.0");
        base = REGISTRY.host() + "/runtime/busybox:1.0";
        Path context = Files.createDirectories(shared.resolve("project/model"));
        Files.writeString(context.resolve("w.bin"), "weights");
        Files.writeString(context.getParent().resolve("Kitfile"), "manifestVersion: 1.0.0\nmodel:\n  path: model/w.bin\n");
        kit = LayoutReference.of(shared.resolve("kit"), "1");
        Packer.pack(PackRequest.builder(context.getParent()).created(NOW).target(kit).build(), LayoutStore.open(kit.path()));
    }

    private ContainerizeResult build(String target, SigningKey signer) {
        Endpoints endpoints = new Endpoints(Map.of("MODELKIT_HOME", temp.resolve("home").toString()),
                reference -> RegistryClient.builder(reference.registry()).build());
        ContainerizeRequest.Builder request = ContainerizeRequest.builder(kit, Reference.parse(base), ImageTarget.parse(target))
                .environment("API_TOKEN", "not-for-provenance").port(8080);
        if (signer != null) {
            request.attest(new ImageAttestation(signer, "https://ci.example.com/builders/v1", Map.of("modelkit", "test"),
                    "https://ci.example.com/job/7/", NOW, NOW));
        }
        return new Containerizer(endpoints, CredentialProvider.ANONYMOUS).containerize(request.build());
    }

    @Test
    void storesSignedProvenanceNamingTheModelKitAndTheBaseAsAReferrerInTheRegistry() {
        String repository = "serving/attested";
        ContainerizeResult result = build(REGISTRY.host() + "/" + repository + ":1", key);
        ContainerizeResult unsigned = build(REGISTRY.host() + "/" + repository + ":2", null);
        assertThat(unsigned.imageDigest()).isEqualTo(result.imageDigest());
        assertThat(unsigned.attestation()).isNull();

        RegistryClient client = RegistryClient.builder(REGISTRY.host()).build();
        List<Descriptor> referrers = client.referrers(repository, result.imageDigest(), SigstoreBundle.MEDIA_TYPE);
        assertThat(referrers).extracting(Descriptor::digest).containsExactly(result.attestation().digest());

        Statement statement = verified(new RegistryAttestationStore(client, repository), result);
        assertThat(statement.subjects()).singleElement().satisfies(subject -> {
            assertThat(subject.name()).isEqualTo(REGISTRY.host() + "/" + repository);
            assertThat(subject.matches(result.imageDigest())).isTrue();
        });
        JsonNode predicate = statement.predicate();
        JsonNode dependencies = predicate.at("/buildDefinition/resolvedDependencies");
        assertThat(dependencies.get(0).get("name").asText()).isEqualTo("modelkit");
        assertThat(dependencies.get(0).at("/digest/sha256").asText()).isEqualTo(result.modelKit().hex());
        assertThat(dependencies.get(1).get("name").asText()).isEqualTo("base-image");
        assertThat(dependencies.get(1).get("uri").asText())
                .isEqualTo("oci://" + REGISTRY.host() + "/runtime/busybox@" + result.baseDigest());
        assertThat(dependencies.get(1).at("/digest/sha256").asText()).isEqualTo(result.baseDigest().hex());
        assertThat(predicate.at("/buildDefinition/buildType").asText()).isEqualTo(ImageProvenance.BUILD_TYPE);
        assertThat(predicate.at("/buildDefinition/externalParameters/environmentNames").toString()).isEqualTo("[\"API_TOKEN\"]");
        assertThat(predicate.at("/runDetails/builder/id").asText()).isEqualTo("https://ci.example.com/builders/v1");
        assertThat(predicate.at("/runDetails/metadata/invocationId").asText()).isEqualTo("https://ci.example.com/job/7/");
        assertThat(new String(statement.bytes(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("not-for-provenance");
    }

    @Test
    void storesTheProvenanceInAnOciLayoutNextToTheImage() {
        Path layout = temp.resolve("images");
        ContainerizeResult result = build("oci:" + layout + ":serve", key);
        Statement statement = verified(new StoreAttestationStore(LayoutStore.open(layout), LayoutReference.of(layout, "serve")), result);
        assertThat(statement.subjects().get(0).name()).isEqualTo("oci:" + layout);
        assertThat(statement.hasSubject(result.imageDigest())).isTrue();
        assertThat(LayoutStore.open(layout).resolve(LayoutReference.of(layout, "serve")).orElseThrow().digest())
                .isEqualTo(result.imageDigest());
    }

    @Test
    void refusesToAttestAnArchiveBeforeBuilding() {
        Path archive = temp.resolve("image.tar");
        assertThatThrownBy(() -> build("tar:" + archive, key))
                .hasMessage("cannot attest an image written to tar:" + archive
                        + ": an attestation is stored next to its image, in a registry or an oci: layout");
        assertThat(archive).doesNotExist();
    }

    private Statement verified(AttestationStore store, ContainerizeResult result) {
        List<StoredAttestation> found = store.find(result.image());
        assertThat(found).hasSize(1);
        Statement statement = EnvelopeVerifier.trusting(key.publicKey()).verifyInToto(Envelope.parse(found.get(0).envelopeJson()))
                .statement();
        assertThat(statement.predicateType()).isEqualTo(SlsaProvenance.PREDICATE_TYPE);
        return statement;
    }
}
