package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** bom: the CycloneDX document of a packed ModelKit, written, printed and attached as a referrer. */
class BomCliTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EPOCH = "1700000000";
    private static final String EPOCH_TIME = "2023-11-14T22:13:20Z";
    private static final Pattern ATTACHED = Pattern.compile("Attached BOM (sha256:[0-9a-f]{64}) to .*\\n");

    @TempDir
    Path temp;

    @Test
    void shouldPrintASchemaValidBomOfALocallyPackedModelKit() throws Exception {
        CliRunner cli = packedExample("sentiment:1.4.0");
        String digest = manifestDigest(cli, "sentiment:1.4.0");

        CliRunner.Result bom = cli.run("bom", "sentiment:1.4.0");

        assertThat(bom.exitCode()).as(bom.toString()).isZero();
        JsonNode tree = validated(bom.out().getBytes(StandardCharsets.UTF_8));
        assertThat(tree.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(tree.path("metadata").path("timestamp").asText()).isEqualTo(EPOCH_TIME);
        JsonNode kit = tree.path("metadata").path("component");
        assertThat(kit.path("bom-ref").asText()).isEqualTo(digest);
        assertThat(kit.path("name").asText()).isEqualTo("sentiment-classifier");
        assertThat(kit.path("hashes").get(0).path("content").asText()).isEqualTo(digest.substring("sha256:".length()));
        assertThat(kit.path("purl").asText()).isEqualTo("pkg:oci/sentiment@sha256%3A" + digest.substring(7) + "?tag=1.4.0");
        List<String> types = new ArrayList<>();
        tree.path("components").forEach(component -> types.add(component.path("type").asText()));
        assertThat(types).contains("machine-learning-model", "data");
        assertThat(cli.run("bom", "sentiment:1.4.0").out()).as("SOURCE_DATE_EPOCH makes the BOM reproducible")
                .isEqualTo(bom.out());
    }

    @Test
    void shouldWriteTheBomToAFile() throws Exception {
        CliRunner cli = packedExample("sentiment:1.4.0");
        String digest = manifestDigest(cli, "sentiment:1.4.0");
        Path file = temp.resolve("sentiment.cdx.json");

        CliRunner.Result bom = cli.run("bom", "sentiment:1.4.0", "-o", file.toString());

        assertThat(bom.exitCode()).as(bom.toString()).isZero();
        assertThat(bom.out()).isEqualTo("BOM of sentiment:1.4.0 (" + digest + ") written to " + file + "\n");
        validated(Files.readAllBytes(file));
        assertThat(Files.readString(file)).isEqualTo(cli.run("bom", "sentiment:1.4.0").out());
    }

    @Test
    void shouldAttachTheBomAsAReferrerInTheRegistry() throws Exception {
        CliRunner cli = packedExample("sentiment:1.4.0");
        String remote = REGISTRY.host() + "/ml/sentiment:1.4.0";
        assertThat(cli.run("push", "sentiment:1.4.0", remote).exitCode()).isZero();
        String subject = manifestDigest(cli, "sentiment:1.4.0");
        byte[] expectedBom = cli.run("bom", "-r", remote).out().getBytes(StandardCharsets.UTF_8);

        CliRunner.Result attach = cli.run("bom", "-r", remote, "--attach");

        assertThat(attach.exitCode()).as(attach.toString()).isZero();
        Matcher matcher = ATTACHED.matcher(attach.out());
        assertThat(matcher.matches()).as(attach.out()).isTrue();
        assertThat(attach.out()).contains(remote + " (" + subject + ")");
        String referrer = matcher.group(1);
        JsonNode manifest = JSON.readTree(skopeo("inspect", "--raw", "--tls-verify=false",
                "docker://" + REGISTRY.host() + "/ml/sentiment@" + referrer));
        assertThat(manifest.path("artifactType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(manifest.path("subject").path("digest").asText()).isEqualTo(subject);
        assertThat(manifest.path("layers")).hasSize(1);
        assertThat(manifest.path("layers").get(0).path("mediaType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(manifest.path("layers").get(0).path("digest").asText())
                .as("the layer is the BOM bom prints").isEqualTo(Digest.sha256(expectedBom).toString());
        assertThat(manifest.path("annotations").path("org.opencontainers.image.created").asText()).isEqualTo(EPOCH_TIME);

        // distribution has no referrers API: the referrer is listed by the fallback tag
        JsonNode index = JSON.readTree(skopeo("inspect", "--raw", "--tls-verify=false",
                "docker://" + REGISTRY.host() + "/ml/sentiment:" + subject.replace(':', '-')));
        assertThat(index.path("manifests").findValuesAsText("digest")).contains(referrer);
    }

    @Test
    void shouldAttachTheBomInAnOciLayout() throws Exception {
        Path layout = temp.resolve("layout");
        CliRunner cli = new CliRunner(temp.resolve("home")).env("SOURCE_DATE_EPOCH", EPOCH);
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        assertThat(cli.run("pack", context.toString(), "-t", "oci:" + layout + ":v1").exitCode()).isZero();
        String subject = manifestDigest(cli, "oci:" + layout + ":v1");
        Path file = temp.resolve("bom.json");

        CliRunner.Result attach = cli.run("bom", "oci:" + layout + ":v1", "--attach", "-o", file.toString());

        assertThat(attach.exitCode()).as(attach.toString()).isZero();
        Matcher matcher = ATTACHED.matcher(attach.out());
        assertThat(matcher.matches()).as(attach.out()).isTrue();
        assertThat(attach.out()).endsWith("; written to " + file + "\n");
        JsonNode bom = validated(Files.readAllBytes(file));
        assertThat(bom.path("metadata").path("component").path("purl").asText())
                .as("a layout ModelKit is named by its digest").startsWith("pkg:oci/_@sha256%3A" + subject.substring(7));
        JsonNode referrer = JSON.readTree(blob(layout, matcher.group(1)));
        assertThat(referrer.path("artifactType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(referrer.path("subject").path("digest").asText()).isEqualTo(subject);
        assertThat(referrer.path("layers").get(0).path("digest").asText())
                .isEqualTo(Digest.sha256(Files.readAllBytes(file)).toString());
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        List<String> names = index.path("manifests").findValuesAsText("org.opencontainers.image.ref.name");
        assertThat(names).contains("v1", subject.replace(':', '-'));
    }

    @Test
    void shouldNameAnUnknownReference() {
        CliRunner cli = new CliRunner(temp.resolve("home"));

        CliRunner.Result local = cli.run("bom", "absent:9.9");
        assertThat(local.exitCode()).isEqualTo(1);
        assertThat(local.err()).startsWith("modelkit: error: ").contains("absent:9.9").doesNotContain("\tat ");
        assertThat(local.out()).isEmpty();

        CliRunner.Result remote = cli.run("bom", "-r", REGISTRY.host() + "/ml/absent:9.9", "--attach");
        assertThat(remote.exitCode()).isEqualTo(1);
        assertThat(remote.err()).startsWith("modelkit: error: ").contains(REGISTRY.host() + "/ml/absent:9.9", "MANIFEST_UNKNOWN");
    }

    @Test
    void shouldDescribeItselfWithExamples() {
        CliRunner.Result help = new CliRunner(temp.resolve("home")).run("bom", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: modelkit bom", "--attach", "application/vnd.cyclonedx+json",
                "SOURCE_DATE_EPOCH", "--plain-http", "Examples:");
        assertThat(new CliRunner(temp.resolve("home")).run("bom").exitCode()).as("REF is required").isEqualTo(2);
    }

    private CliRunner packedExample(String tag) {
        CliRunner cli = new CliRunner(temp.resolve("home")).env("SOURCE_DATE_EPOCH", EPOCH);
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner.Result pack = cli.run("pack", context.toString(), "-t", tag);
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        return cli;
    }

    private static String manifestDigest(CliRunner cli, String reference) {
        CliRunner.Result raw = cli.run("inspect", reference, "--raw");
        assertThat(raw.exitCode()).as(raw.toString()).isZero();
        return Digest.sha256(raw.out().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode validated(byte[] bom) throws Exception {
        List<ParseException> errors = new JsonParser().validate(bom, Version.VERSION_16);
        assertThat(errors).as("schema errors of%n%s", new String(bom, StandardCharsets.UTF_8)).isEmpty();
        return JSON.readTree(bom);
    }

    private static byte[] blob(Path layout, String digest) throws Exception {
        return Files.readAllBytes(layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())));
    }

    private static String skopeo(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/skopeo"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
