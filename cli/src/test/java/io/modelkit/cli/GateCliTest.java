package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code modelkit gate} against a real registry: exit 0 on pass, 3 on an enforced failure, 1 on an error. */
class GateCliTest {
    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private CliRunner cli;
    private SigningKey ciKey;
    private Path ciPrivate;
    private Path ciPublic;
    private Path gatePrivate;
    private Path gatePublic;
    private String remote;

    @BeforeEach
    void setUp() throws Exception {
        ciKey = KeyPairs.generate();
        SigningKey gateKey = KeyPairs.generate();
        ciPrivate = Files.write(temp.resolve("ci.key"), KeyFiles.privatePem(ciKey.privateKey(), PASSWORD.toCharArray()));
        ciPublic = Files.write(temp.resolve("ci.pub"), KeyFiles.publicPem(ciKey.publicKey()));
        gatePrivate = Files.write(temp.resolve("gate.key"), KeyFiles.privatePem(gateKey.privateKey(), PASSWORD.toCharArray()));
        gatePublic = Files.write(temp.resolve("gate.pub"), KeyFiles.publicPem(gateKey.publicKey()));
        cli = new CliRunner(temp.resolve("home")).env("MODELKIT_KEY_PASSWORD", PASSWORD)
                .env("GIT_URL", "https://git.example.com/ml/sentiment.git").env("GIT_BRANCH", "main")
                .env("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        Path project = Contexts.copyOfExample(temp.resolve("project"));
        remote = REGISTRY.host() + "/ml/gated-" + temp.getFileName() + ":1.4.0";
        assertThat(cli.run("pack", project.toString(), "-t", remote, "--push").exitCode()).isZero();
    }

    private Path policy(String rules) throws Exception {
        return Files.writeString(temp.resolve("gate.yaml"), "version: 1\nrules:\n" + rules.indent(2));
    }

    private String signedPolicy() {
        return """
                - name: signed-by-ci
                  kind: provenance
                  keys: ['%s']
                  sourceRef: main
                  requireGitCommit: true
                - name: params
                  kind: hyperparameters
                  mode: audit
                  frozen: ['model.parameters.**']
                - name: no-overwrite
                  kind: registry
                """.formatted(ciKey.fingerprint());
    }

    @Test
    void shouldPassASignedModelKitWriteJunitAndSignAVsa() throws Exception {
        assertThat(cli.run("attest", remote, "-r", "--key", ciPrivate.toString()).exitCode()).isZero();
        Path junit = temp.resolve("reports/gate.xml");
        Files.createDirectories(junit.getParent());

        CliRunner.Result gate = cli.run("gate", remote, "-r", "--policy", policy(signedPolicy()).toString(),
                "--trusted-key", ciPublic.toString(), "--target-tag", remote.replace(":1.4.0", ":prod"),
                "--key", gatePrivate.toString(), "--junit", junit.toString());

        assertThat(gate.exitCode()).as(gate.toString()).isZero();
        assertThat(gate.out()).contains("PASS  signed-by-ci", "PASS  no-overwrite", "is absent", "Outcome: PASS",
                "Verification summary signed with sha256:");
        assertThat(gate.out() + gate.err()).doesNotContain(PASSWORD);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getDocumentElement().getAttribute("name")).isEqualTo("modelkit-gate");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();

        CliRunner.Result vsa = cli.run("verify", remote, "-r", "--key", gatePublic.toString(),
                "--type", "https://slsa.dev/verification_summary/v1", "--integrity", "manifest-only");
        assertThat(vsa.exitCode()).as(vsa.toString()).isZero();
        assertThat(vsa.out()).contains("ok      predicate type: https://slsa.dev/verification_summary/v1");
    }

    @Test
    void shouldExitThreeOnAnEnforcedFailureAndZeroOnAnAuditWarning() throws Exception {
        CliRunner.Result unsigned = cli.run("gate", remote, "-r", "--policy", policy(signedPolicy()).toString(),
                "--trusted-key", ciPublic.toString(), "--target-tag", remote.replace(":1.4.0", ":prod"), "--json");
        assertThat(unsigned.exitCode()).as(unsigned.toString()).isEqualTo(3);
        JsonNode report = new ObjectMapper().readTree(unsigned.out());
        assertThat(report.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(report.path("rules").get(0).path("status").asText()).isEqualTo("FAIL");
        assertThat(unsigned.err()).startsWith("modelkit: gate failed: signed-by-ci: no attestation of sha256:");

        String audit = """
                - name: size
                  kind: content
                  mode: audit
                  maxTotalSize: 10
                """;
        CliRunner.Result warned = cli.run("gate", remote, "-r", "--policy", policy(audit).toString(), "--format", "markdown");
        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.out()).startsWith("### Gate: WARN").contains("| ⚠️ WARN | size | content | audit | total size ");
    }

    @Test
    void shouldExitOneOnAnUnreadablePolicyOrFormat() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.yaml"), "version: 1\nrules:\n  - name: a\n    kind: registry\n    mode: warn\n");
        CliRunner.Result bad = cli.run("gate", remote, "-r", "--policy", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains(broken + ":5:11: rules[0].mode: expected one of enforce, audit, got 'warn'");
        assertThat(bad.out()).isEmpty();

        CliRunner.Result missing = cli.run("gate", remote, "-r", "--policy", temp.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.yaml: no such policy file");

        CliRunner.Result format = cli.run("gate", remote, "-r", "--policy", policy(signedPolicy()).toString(), "--format", "html");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).contains("--format: expected text or markdown, got 'html'");
    }

    @Test
    void shouldGateEntryIntoAStageWithItsPolicyAndWhatItHoldsAsTheBaseline() throws Exception {
        String dev = remote.substring(0, remote.lastIndexOf(':'));
        String staging = dev + "-staging";
        Files.writeString(temp.resolve("stages-gate.yaml"), """
                version: 1
                rules:
                  - name: frozen-training
                    kind: hyperparameters
                    frozen: ['model.parameters.training.epochs']
                  - name: no-overwrite
                    kind: registry
                """);
        Path stages = Files.writeString(temp.resolve("stages.yaml"), """
                stages:
                  - name: dev
                    repository: %s
                  - name: staging
                    repository: %s
                    policy: stages-gate.yaml
                    from: dev
                  - name: prod
                    repository: %s-prod
                    from: staging
                """.formatted(dev, staging, dev));

        CliRunner.Result empty = cli.run("gate", remote, "-r", "--stage", "staging", "--stages", stages.toString());
        assertThat(empty.exitCode()).as(empty.toString()).isZero();
        assertThat(empty.out()).contains("PASS  no-overwrite", staging + ":1.4.0 is absent");

        // what staging holds now: the same package trained for more epochs
        Path retrained = Contexts.copyOfExample(temp.resolve("retrained"));
        Path kitfile = retrained.resolve("Kitfile");
        Files.writeString(kitfile, Files.readString(kitfile).replace("epochs: 40", "epochs: 60"));
        assertThat(cli.run("pack", retrained.toString(), "-t", staging + ":staging", "--push").exitCode()).isZero();

        CliRunner.Result changed = cli.run("gate", remote, "-r", "--stage", "staging", "--stages", stages.toString());
        assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(3);
        assertThat(changed.out()).contains("FAIL  frozen-training", "model.parameters.training.epochs", "60", "40");

        CliRunner.Result noPolicy = cli.run("gate", remote, "-r", "--stage", "prod", "--stages", stages.toString());
        assertThat(noPolicy.exitCode()).isEqualTo(1);
        assertThat(noPolicy.err()).contains("stage 'prod' in " + stages + " has no policy: add one there or name one with --policy");

        CliRunner.Result unknown = cli.run("gate", remote, "-r", "--stage", "qa", "--stages", stages.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown stage 'qa' in " + stages + " (stages: dev, staging, prod)");

        CliRunner.Result neither = cli.run("gate", remote, "-r");
        assertThat(neither.exitCode()).isEqualTo(1);
        assertThat(neither.err()).contains("name a policy with --policy FILE or a stage with --stage NAME");
    }
}
