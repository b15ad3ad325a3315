package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.container.Tools;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelkit containerize} from the local store onto a busybox base in a real registry, checked with skopeo. */
class ContainerizeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path shared;

    private static String base;

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeAll
    static void pushBase() throws Exception {
        Tools.pushBusyboxBase(shared, REGISTRY.host(), "runtime/busybox", "1.0");
        base = REGISTRY.host() + "/runtime/busybox:1.0";
    }

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp.resolve("home")).env("MODELKIT_KEY_PASSWORD", PASSWORD);
        Path project = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner.Result pack = cli.run("pack", project.toString(), "-t", "sentiment:1.4.0");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
    }

    @Test
    void buildsAndPushesTheImageAndPrintsItsReferenceAndDigest() throws Exception {
        String target = REGISTRY.host() + "/serving/sentiment:1.4.0";
        CliRunner.Result result = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", target,
                "--entrypoint", "[\"/bin/sh\", \"-c\", \"exec httpd -f -p 8080\"]", "--env", "MODEL=/srv/model/sentiment-linear.safetensors",
                "--env", "WORKERS=2", "--port", "8080", "--model-dir", "/srv", "--include", "model,code");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode inspected = JSON.readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "docker://" + target));
        String digest = inspected.get("Digest").asText();
        assertThat(result.out()).startsWith("Image: " + target + "\nDigest: " + digest + "\nConfig: sha256:");
        assertThat(inspected.get("Layers")).hasSize(3); // the base, the model, the code: parts are a kind of their own

        JsonNode config = JSON.readTree(Tools.run("skopeo", "inspect", "--tls-verify=false", "--config", "docker://" + target))
                .get("config");
        assertThat(config.get("Entrypoint")).hasToString("[\"/bin/sh\",\"-c\",\"exec httpd -f -p 8080\"]");
        assertThat(config.get("Env").toString()).contains("\"MODEL=/srv/model/sentiment-linear.safetensors\"", "\"WORKERS=2\"");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.at("/Labels/org.opencontainers.image.title").asText()).isEqualTo("sentiment-classifier");
        assertThat(config.at("/Labels/org.opencontainers.image.version").asText()).isEqualTo("1.4.0");
        assertThat(config.at("/Labels/io.modelkit.modelkit.reference").asText()).isEqualTo("localhost/sentiment:1.4.0");
        assertThat(config.at("/Labels/io.modelkit.modelkit.digest").asText()).startsWith("sha256:");

        CliRunner.Result again = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", "tar:" + temp.resolve("image.tar"),
                "--entrypoint", "[\"/bin/sh\", \"-c\", \"exec httpd -f -p 8080\"]", "--env", "MODEL=/srv/model/sentiment-linear.safetensors",
                "--env", "WORKERS=2", "--port", "8080", "--model-dir", "/srv", "--include", "model,code", "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(JSON.readTree(again.out()).get("digest").asText()).isEqualTo(digest);
        assertThat(JSON.readTree(Tools.run("skopeo", "inspect", "oci-archive:" + temp.resolve("image.tar"))).get("Digest").asText())
                .isEqualTo(digest);
    }

    @Test
    void attestsTheImageWithTheKey() throws Exception {
        SigningKey key = KeyPairs.generate();
        Path privateKey = Files.write(temp.resolve("modelkit.key"), KeyFiles.privatePem(key.privateKey(), PASSWORD.toCharArray()));
        String target = REGISTRY.host() + "/serving/attested:1";
        CliRunner.Result result = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", target,
                "--attest", "--key", privateKey.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode out = JSON.readTree(result.out());
        String attestation = out.get("attestation").asText();
        assertThat(attestation).startsWith("sha256:");
        assertThat(RegistryClient.builder(REGISTRY.host()).build()
                .referrers("serving/attested", io.modelkit.core.oci.Digest.parse(out.get("digest").asText()), null))
                .extracting(descriptor -> descriptor.digest().toString()).containsExactly(attestation);
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void failsWithOneLineAndExitOne() {
        CliRunner.Result missingBase = cli.run("containerize", "sentiment:1.4.0", "--base", REGISTRY.host() + "/runtime/none:1",
                "--to", REGISTRY.host() + "/serving/x:1");
        assertThat(missingBase.exitCode()).isEqualTo(1);
        assertThat(missingBase.err()).isEqualTo("modelkit: error: base image " + REGISTRY.host() + "/runtime/none:1 not found\n");

        CliRunner.Result badTarget = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", "serving:1");
        assertThat(badTarget.exitCode()).isEqualTo(1);
        assertThat(badTarget.err()).isEqualTo("modelkit: error: bad target 'serving:1': it names no registry"
                + " (expected host[:port]/repository[:tag], oci:DIR[:tag] or tar:FILE)\n");

        CliRunner.Result noKey = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", REGISTRY.host() + "/serving/x:1",
                "--attest");
        assertThat(noKey.exitCode()).isEqualTo(1);
        assertThat(noKey.err()).isEqualTo("modelkit: error: --attest needs --key FILE, the private key that signs the provenance\n");

        CliRunner.Result badInclude = cli.run("containerize", "sentiment:1.4.0", "--base", base, "--to", REGISTRY.host() + "/serving/x:1",
                "--include", "model,weights");
        assertThat(badInclude.exitCode()).isEqualTo(1);
        assertThat(badInclude.err()).isEqualTo("modelkit: error: unknown content kind 'weights'"
                + " (expected model, parts, datasets, code, docs, prompts or mcpservers)\n");

        CliRunner.Result missingKit = cli.run("containerize", "nothing:1", "--base", base, "--to", REGISTRY.host() + "/serving/x:1");
        assertThat(missingKit.exitCode()).isEqualTo(1);
        assertThat(missingKit.err()).startsWith("modelkit: error: ").contains("nothing:1").doesNotContain("\n\t");
    }
}
