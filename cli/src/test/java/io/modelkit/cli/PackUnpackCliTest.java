package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, end to end: pack the example, list, inspect, info, unpack. */
class PackUnpackCliTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void shouldPackListInspectAndUnpackTheExampleProject() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Files.createDirectories(context.resolve("src/__pycache__"));
        Files.writeString(context.resolve("src/__pycache__/train.cpython-311.pyc"), "compiled");
        CliRunner cli = new CliRunner(temp.resolve("home"));

        CliRunner.Result pack = cli.run("pack", context.toString(), "-t", "sentiment:1.4.0");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        assertThat(pack.out()).matches("Model saved: sha256:[0-9a-f]{64} as sentiment:1.4.0\\R");
        String digest = pack.out().substring("Model saved: ".length(), "Model saved: ".length() + 71);

        CliRunner.Result list = cli.run("list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("sentiment", "1.4.0", "sentiment-linear", digest);

        CliRunner.Result inspect = cli.run("inspect", "sentiment:1.4.0", "--raw");
        assertThat(inspect.exitCode()).isZero();
        assertThat(io.modelkit.core.oci.Digest.sha256(inspect.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasToString(digest);
        JsonNode manifest = json.readTree(inspect.out());
        assertThat(manifest.has("mediaType")).as("kit writes no top-level mediaType").isFalse();
        assertThat(manifest.get("artifactType").asText()).isEqualTo("application/vnd.kitops.modelkit.manifest.v1+json");
        assertThat(manifest.get("layers")).extracting(layer -> layer.get("mediaType").asText()).containsExactly(
                "application/vnd.kitops.modelkit.model.v1.tar",
                "application/vnd.kitops.modelkit.modelpart.v1.tar",
                "application/vnd.kitops.modelkit.code.v1.tar",
                "application/vnd.kitops.modelkit.dataset.v1.tar",
                "application/vnd.kitops.modelkit.dataset.v1.tar",
                "application/vnd.kitops.modelkit.docs.v1.tar",
                "application/vnd.kitops.modelkit.docs.v1.tar");
        assertThat(manifest.get("layers")).extracting(layer -> layer.get("annotations").get("org.cncf.model.filepath").asText())
                .containsExactly("model/sentiment-linear.safetensors", "adapters/restaurants-lora.safetensors", "src",
                        "data/train.csv", "data/eval.csv", "README.md", "LICENSE");

        CliRunner.Result info = cli.run("info", "sentiment:1.4.0", "--json");
        assertThat(info.exitCode()).isZero();
        JsonNode config = json.readTree(info.out());
        assertThat(config.at("/model/parameters/training/optimizer/betas/1").asDouble()).isEqualTo(0.999);
        assertThat(config.at("/model/digest").asText()).isEqualTo(manifest.at("/layers/0/digest").asText());

        Path restored = temp.resolve("restored");
        CliRunner.Result unpack = cli.run("unpack", "sentiment:1.4.0", "-d", restored.toString());
        assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
        TreeMap<String, String> expected = Contexts.files(context);
        expected.remove("src/__pycache__/train.cpython-311.pyc");
        expected.remove(".kitignore");
        expected.remove(".gitignore");
        expected.remove("Kitfile");
        TreeMap<String, String> actual = Contexts.files(restored);
        assertThat(Files.getPosixFilePermissions(restored.resolve("Kitfile")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(actual.remove("Kitfile")).isNotNull();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldUnpackOnlyWhatTheFilterSelects() {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:1").exitCode()).isZero();

        Path restored = temp.resolve("restored");
        CliRunner.Result unpack = cli.run("unpack", "sentiment:1", "-d", restored.toString(), "--filter", "datasets:eval",
                "--filter", "docs");
        assertThat(unpack.exitCode()).as(unpack.toString()).isZero();
        assertThat(Contexts.files(restored).keySet()).containsExactly("LICENSE", "README.md", "data/eval.csv");
    }

    @Test
    void shouldRefuseToOverwriteExistingFilesUnlessAsked() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:1").exitCode()).isZero();
        Path restored = temp.resolve("restored");
        Contexts.write(restored, "README.md", "mine");

        CliRunner.Result refused = cli.run("unpack", "sentiment:1", "-d", restored.toString(), "--filter", "docs");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("README.md").contains("exists");
        assertThat(Files.readString(restored.resolve("README.md"))).isEqualTo("mine");

        CliRunner.Result overwritten = cli.run("unpack", "sentiment:1", "-d", restored.toString(), "--filter", "docs", "-o");
        assertThat(overwritten.exitCode()).as(overwritten.toString()).isZero();
        assertThat(restored.resolve("README.md")).hasSameBinaryContentAs(context.resolve("README.md"));
    }

    @Test
    void shouldReadTheKitfileFromStandardInput() {
        Path context = temp.resolve("ctx");
        Contexts.write(context, "weights.bin", "0123456789");
        CliRunner cli = new CliRunner(temp.resolve("home"))
                .stdin("manifestVersion: 1.0.0\npackage:\n  name: piped\nmodel:\n  name: m\n  path: weights.bin\n");
        CliRunner.Result pack = cli.run("pack", context.toString(), "-f", "-", "-t", "piped:v1", "--json");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        assertThat(pack.out()).contains("\"references\"", "piped:v1");
        assertThat(cli.run("info", "piped:v1").out()).contains("name: piped", "path: weights.bin");
    }

    @Test
    void shouldGiveTheSameDigestTwiceWithSourceDateEpoch() {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner first = new CliRunner(temp.resolve("home1")).env("SOURCE_DATE_EPOCH", "1700000000");
        CliRunner second = new CliRunner(temp.resolve("home2")).env("SOURCE_DATE_EPOCH", "1700000000");
        CliRunner.Result a = first.run("pack", context.toString(), "-t", "x:1");
        CliRunner.Result b = second.run("pack", context.toString(), "-t", "x:1");
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(first.run("inspect", "x:1", "--raw").out()).contains("\"org.opencontainers.image.created\":\"2023-11-14T22:13:20Z\"");
    }

    @Test
    void shouldRefuseASourceDateEpochThatIsNotANumber() {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner.Result result = new CliRunner(temp.resolve("home")).env("SOURCE_DATE_EPOCH", "yesterday")
                .run("pack", context.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("modelkit: error: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970-01-01\n");
    }

    @Test
    void shouldPrintJsonForListInspectAndInfo() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:1,stable").exitCode()).isZero();
        assertThat(cli.run("pack", context.toString(), "-t", "other:1").exitCode()).isZero();
        assertThat(json.readTree(cli.run("list", "other", "--json").out())).hasSize(1);
        JsonNode list = json.readTree(cli.run("list", "sentiment", "--json").out());
        assertThat(list).extracting(entry -> entry.get("tag").asText()).containsExactlyInAnyOrder("1", "stable");
        assertThat(list.get(0).get("modelName").asText()).isEqualTo("sentiment-linear");
        assertThat(json.readTree(cli.run("inspect", "sentiment:stable", "--json").out()).get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.readTree(cli.run("info", "sentiment:stable", "--json").out()).at("/package/version").asText()).isEqualTo("1.4.0");
    }

    @Test
    void shouldTagAndRemoveAndFreeBlobs() {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Path home = temp.resolve("home");
        CliRunner cli = new CliRunner(home);
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:1").exitCode()).isZero();
        assertThat(cli.run("tag", "sentiment:1", "sentiment:prod").exitCode()).isZero();
        assertThat(cli.run("remove", "sentiment:1").exitCode()).isZero();
        assertThat(cli.run("inspect", "sentiment:prod").exitCode()).isZero();
        CliRunner.Result gone = cli.run("inspect", "sentiment:1");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("sentiment:1").contains("not found");

        assertThat(cli.run("tag", "sentiment:prod", "sentiment:a").exitCode()).isZero();
        assertThat(cli.run("tag", "sentiment:prod", "sentiment:b").exitCode()).isZero();
        assertThat(cli.run("remove", "sentiment:a,b").exitCode()).isZero();
        assertThat(cli.run("list").out()).doesNotContain(" a ", " b ").contains("prod");

        CliRunner.Result removed = cli.run("remove", "sentiment:prod");
        assertThat(removed.out()).contains("freed");
        assertThat(Contexts.everything(home.resolve("storage/blobs/sha256"))).containsExactly("");
    }

    @Test
    void shouldWriteAndReadAModelPack() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result pack = cli.run("pack", context.toString(), "--format", "modelpack", "-t", "sentiment:mp");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        JsonNode manifest = json.readTree(cli.run("inspect", "sentiment:mp", "--raw").out());
        assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.get("artifactType").asText()).isEqualTo("application/vnd.cncf.model.manifest.v1+json");
        assertThat(manifest.at("/config/mediaType").asText()).isEqualTo("application/vnd.cncf.model.config.v1+json");
        assertThat(manifest.at("/layers/0/mediaType").asText()).isEqualTo("application/vnd.cncf.model.weight.v1.tar");
        assertThat(manifest.at("/layers/1/mediaType").asText()).isEqualTo("application/vnd.cncf.model.weight.config.v1.tar");
        assertThat(manifest.at("/annotations").has("ml.kitops.modelkit.kitfile")).isTrue();

        Path restored = temp.resolve("restored");
        assertThat(cli.run("unpack", "sentiment:mp", "-d", restored.toString()).exitCode()).isZero();
        assertThat(restored.resolve("model/sentiment-linear.safetensors"))
                .hasSameBinaryContentAs(context.resolve("model/sentiment-linear.safetensors"));
        assertThat(cli.run("info", "sentiment:mp").out()).contains("name: sentiment-classifier");
    }

    @Test
    void shouldUseTheSameLayerBytesInBothForms() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        cli.run("pack", context.toString(), "-t", "a:kit");
        cli.run("pack", context.toString(), "--format", "modelpack", "-t", "a:mp");
        JsonNode kit = json.readTree(cli.run("inspect", "a:kit", "--raw").out());
        JsonNode pack = json.readTree(cli.run("inspect", "a:mp", "--raw").out());
        for (int i = 0; i < kit.get("layers").size(); i++) {
            assertThat(pack.at("/layers/" + i + "/digest")).isEqualTo(kit.at("/layers/" + i + "/digest"));
        }
    }

    @Test
    void shouldWriteAKitfileForAProjectThatHasNone() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Files.delete(context.resolve("Kitfile"));
        CliRunner cli = new CliRunner(temp.resolve("home"));

        CliRunner.Result init = cli.run("init", context.toString(), "--name", "sentiment", "--author", "ML Team");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        String kitfile = Files.readString(context.resolve("Kitfile"));
        assertThat(kitfile).startsWith("manifestVersion: 1.0.0\n").contains("name: sentiment", "ML Team",
                "path: model/sentiment-linear.safetensors", "path: data\n", "path: README.md");
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:init").exitCode()).isZero();

        CliRunner.Result again = cli.run("init", context.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(context.resolve("Kitfile").toString(), "already exists", "--force");
        assertThat(Files.readString(context.resolve("Kitfile"))).isEqualTo(kitfile);
    }

    @Test
    void shouldRemoveUntaggedModelKitsLeftByRepacks() throws Exception {
        Path context = Contexts.copyOfExample(temp.resolve("project"));
        Path home = temp.resolve("home");
        CliRunner cli = new CliRunner(home);
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:dev").exitCode()).isZero();
        Files.writeString(context.resolve("data/eval.csv"), "id,text,label,domain\n");
        assertThat(cli.run("pack", context.toString(), "-t", "sentiment:dev").exitCode()).isZero();
        assertThat(cli.run("list").out()).contains("<none>");

        CliRunner.Result removed = cli.run("remove", "--all");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).startsWith("Removed 1 untagged ModelKit (freed ");
        assertThat(cli.run("list").out()).doesNotContain("<none>").contains("dev");
        Path restored = temp.resolve("restored");
        assertThat(cli.run("unpack", "sentiment:dev", "-d", restored.toString()).exitCode()).isZero();
        assertThat(restored.resolve("data/eval.csv")).hasContent("id,text,label,domain\n");
    }

    @Test
    void shouldPackAnMcpBundleAsARawLayerWithItsFileMetadata() throws Exception {
        Path context = temp.resolve("ctx");
        Contexts.write(context, "Kitfile", "manifestVersion: 1.0.0\npackage:\n  name: agent\nmcpServers:\n"
                + "  - name: tools\n    path: tools.mcpb\n");
        Path bundle = Contexts.write(context, "tools.mcpb", "PK-not-really-a-zip");
        Files.setPosixFilePermissions(bundle, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(bundle, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-02T03:04:05.5Z")));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.run("pack", context.toString(), "-t", "agent:1").exitCode()).isZero();

        JsonNode layer = json.readTree(cli.run("inspect", "agent:1", "--raw").out()).at("/layers/0");
        assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.kitops.modelkit.mcpb.v1.raw");
        assertThat(layer.get("size").asLong()).isEqualTo(19);
        assertThat(layer.at("/annotations/org.cncf.model.file.metadata+json").asText()).isEqualTo(
                "{\"name\":\"tools.mcpb\",\"mode\":488,\"uid\":0,\"gid\":0,\"size\":19,"
                        + "\"mtime\":\"2026-01-02T03:04:05.5Z\",\"typeflag\":48}");

        Path restored = temp.resolve("restored");
        assertThat(cli.run("unpack", "agent:1", "-d", restored.toString()).exitCode()).isZero();
        assertThat(restored.resolve("tools.mcpb")).hasSameBinaryContentAs(bundle);
        assertThat(Files.getPosixFilePermissions(restored.resolve("tools.mcpb")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
    }
}
