package io.modelkit.core.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.gate.VerificationSummary;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.promote.PromotionRequest;
import io.modelkit.core.promote.PromotionResult;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.Subject;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A release line on a real registry, set up with the real {@link Promoter}: the example ModelKit 1.4.0
 * (signed provenance) went dev → staging → prod (gated, record signed), then 1.5.0 (unsigned, learning
 * rate 0.01 and 60 epochs instead of 0.05 and 40) went dev → staging. A gate summary signed by the gate
 * key says WARN for 1.5.0 in staging; one signed by a stranger says FAIL for 1.5.0 in dev.
 */
public final class PromotedLine {
    public static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    public static final Instant BUILT = Instant.parse("2026-11-01T10:20:00Z");
    public static final String BUILD_URL = "https://ci.example.com/job/fraud/7/";
    private static final String BUILDER = "https://jenkins.example.com/modelkit-pipeline/v1";

    public final SigningKey ci = KeyPairs.generate();
    public final SigningKey gate = KeyPairs.generate();
    public final SigningKey stranger = KeyPairs.generate();
    public final String host;
    public final String line;
    public final Path stagesFile;
    public final Stages stages;
    public final Digest v1;
    public final Digest v2;

    public PromotedLine(LocalRegistry registry, Path temp) throws IOException {
        host = registry.host();
        line = "ml/" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(temp.resolve("prod.yaml"), """
                version: 1
                rules:
                  - name: signed-by-ci
                    kind: provenance
                    keys: ['sha256:%s']
                """.formatted(ci.fingerprint().hex()));
        stagesFile = temp.resolve("stages.yaml");
        Files.writeString(stagesFile, """
                stages:
                  - name: dev
                    repository: %1$s/%2$s-dev
                  - name: staging
                    repository: %1$s/%2$s-staging
                    from: dev
                  - name: prod
                    repository: %1$s/%2$s-prod
                    policy: prod.yaml
                    from: staging
                    tags: [champion]
                """.formatted(host, line));
        stages = StagesReader.read(stagesFile);
        v1 = push(EXAMPLE, "1.4.0", BUILT, true, temp);
        v2 = push(changedExample(temp), "1.5.0", BUILT.plusSeconds(3600), false, temp);

        Promoter promoter = new Promoter(stages, r -> client(), 4, ProgressListener.NONE);
        promoter.promote(request(build("1.4.0"), "dev", 1, "alice").build());
        promoter.promote(request(repo("dev") + ":1.4.0", "staging", 2, "bob").build());
        PromotionResult prod = promoter.promote(request(repo("staging") + ":1.4.0", "prod", 3, "carol").key(gate).build());
        if (prod.outcome() != PromotionResult.Outcome.PROMOTED) {
            throw new IllegalStateException("prod promotion: " + prod.outcome());
        }
        promoter.promote(request(build("1.5.0"), "dev", 4, "alice").build());
        promoter.promote(request(repo("dev") + ":1.5.0", "staging", 5, "bob").build());
        summary("staging", v2, "PASSED", "MODELKIT_GATE_WARN", gate, 6);
        summary("dev", v2, "FAILED", null, stranger, 6);
    }

    public RegistryClient client() {
        return RegistryClient.builder(host).build();
    }

    /** {@code host/repo} of a stage's repository. */
    public String repo(String stage) {
        return host + "/" + line + "-" + stage;
    }

    public static Instant at(int minute) {
        return BUILT.plusSeconds(86_400 + minute * 60L);
    }

    private String build(String tag) {
        return host + "/" + line + "-build:" + tag;
    }

    private PromotionRequest.Builder request(String source, String stage, int minute, String user) {
        return PromotionRequest.builder(source, stage).trustedKeys(List.of(ci.publicKey()))
                .env(Map.of("USER", user, "BUILD_URL", BUILD_URL)).now(at(minute));
    }

    /** The example with another version, learning rate and number of epochs. */
    private static Path changedExample(Path temp) throws IOException {
        Path copy = temp.resolve("example-1.5.0");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(EXAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        Path kitfile = copy.resolve("Kitfile");
        String text = Files.readString(kitfile);
        Files.writeString(kitfile, text.replace("  version: 1.4.0\n  description: Three", "  version: 1.5.0\n  description: Three")
                .replace("      learning_rate: 0.05\n      epochs: 40", "      learning_rate: 0.01\n      epochs: 60"));
        return copy;
    }

    private Digest push(Path project, String tag, Instant created, boolean signed, Path temp) {
        Path dir = temp.resolve("layout-" + tag);
        LayoutReference name = LayoutReference.of(dir, tag);
        Packer.pack(PackRequest.builder(project).created(created).target(name).build(), LayoutStore.open(dir));
        RegistryEndpoint target = new RegistryEndpoint(client(), Reference.parse(build(tag)));
        Descriptor pushed = new Copier(4, ProgressListener.NONE).copy(new StoreEndpoint(LayoutStore.open(dir), name), target)
                .manifest();
        if (signed) {
            Attester.attest(AttestRequest.builder(ci, host + "/" + line + "-build", BUILDER).kitfile("Kitfile")
                    .target(build(tag)).finishedOn(created).created(created).build(),
                    target, new RegistryAttestationStore(client(), line + "-build"));
        }
        return pushed.digest();
    }

    /** A gate summary (VSA) of {@code digest} in a stage's repository, signed by {@code key}. */
    private void summary(String stage, Digest digest, String result, String level, SigningKey key, int minute) {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode();
        predicate.putObject("verifier").put("id", VerificationSummary.VERIFIER_ID);
        predicate.put("timeVerified", at(minute).toString());
        predicate.put("resourceUri", "oci://" + repo(stage) + "@" + digest);
        predicate.put("verificationResult", result);
        var levels = predicate.putArray("verifiedLevels");
        if (level != null) {
            levels.add(level);
        }
        Statement statement = Statement.of(List.of(Subject.of(repo(stage), digest)), VerificationSummary.PREDICATE_TYPE,
                predicate);
        RegistryClient client = client();
        Descriptor subject = client.headManifest(line + "-" + stage, digest.toString()).orElseThrow();
        VerificationSummary.signAndStore(statement, key, new RegistryAttestationStore(client, line + "-" + stage),
                subject, at(minute));
    }
}
