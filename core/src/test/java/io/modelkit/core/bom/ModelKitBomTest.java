package io.modelkit.core.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.store.LayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelKitBomTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant GENERATED = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Reference PUBLISHED = Reference.parse("registry.example.com/ml/sentiment-classifier:1.4.0");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private ModelKitContents pack(Path project, String layoutName) {
        Path layoutDir = temp.resolve(layoutName);
        LayoutStore layout = LayoutStore.open(layoutDir);
        LayoutReference target = LayoutReference.of(layoutDir, "kit");
        Packer.pack(PackRequest.builder(project).created(CREATED).target(target).build(), layout);
        return ModelKitReader.read(layout, target);
    }

    private static JsonNode validated(byte[] bom) throws IOException {
        List<ParseException> errors = new JsonParser().validate(bom, Version.VERSION_16);
        assertThat(errors).as("schema errors of%n%s", new String(bom, StandardCharsets.UTF_8)).isEmpty();
        return JSON.readTree(bom);
    }

    private static Map<String, JsonNode> byRef(JsonNode bom) {
        Map<String, JsonNode> components = new HashMap<>();
        bom.path("components").forEach(component -> components.put(component.path("bom-ref").asText(), component));
        return components;
    }

    private static Map<String, String> properties(JsonNode holder) {
        Map<String, String> properties = new HashMap<>();
        holder.path("properties").forEach(p -> properties.put(p.path("name").asText(), p.path("value").asText()));
        return properties;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(field == null ? element.asText() : element.path(field).asText()));
        return values;
    }

    @Test
    void shouldDescribeTheExampleModelKitInAValidCycloneDx16Bom() throws IOException {
        ModelKitContents kit = pack(EXAMPLE, "layout");
        Digest manifest = kit.manifest().digest();
        String ref = manifest.toString();

        JsonNode bom = validated(ModelKitBom.json(PUBLISHED, kit, GENERATED, "1.2.3"));

        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("serialNumber").asText()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode metadata = bom.path("metadata");
        assertThat(metadata.path("timestamp").asText()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(metadata.path("tools").path("components")).hasSize(1);
        assertThat(metadata.path("tools").path("components").get(0).path("name").asText()).isEqualTo("modelkit");
        assertThat(metadata.path("tools").path("components").get(0).path("version").asText()).isEqualTo("1.2.3");

        JsonNode subject = metadata.path("component");
        assertThat(subject.path("type").asText()).isEqualTo("application");
        assertThat(subject.path("bom-ref").asText()).isEqualTo(ref);
        assertThat(subject.path("name").asText()).isEqualTo("sentiment-classifier");
        assertThat(subject.path("version").asText()).isEqualTo("1.4.0");
        assertThat(subject.path("purl").asText()).isEqualTo("pkg:oci/sentiment-classifier@sha256%3A" + manifest.hex()
                + "?repository_url=registry.example.com/ml/sentiment-classifier&tag=1.4.0");
        assertThat(subject.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
        assertThat(subject.path("hashes").get(0).path("content").asText()).isEqualTo(manifest.hex());
        assertThat(subject.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("Apache-2.0");
        assertThat(texts(subject.path("authors"), "name")).containsExactly("Ana Ruiz", "ML Platform Team");
        assertThat(subject.path("authors").get(1).path("email").asText()).isEqualTo("ml-platform@example.com");
        assertThat(properties(subject)).containsEntry("modelkit:config:digest", kit.manifest().config().digest().toString())
                .containsEntry("modelkit:config:mediaType", "application/vnd.kitops.modelkit.config.v1+json");

        JsonNode components = bom.path("components");
        assertThat(texts(components, "name")).containsExactly("sentiment-linear", "restaurants-lora", "src", "train",
                "eval", "README.md", "LICENSE");
        assertThat(texts(components, "type")).containsExactly("machine-learning-model", "machine-learning-model",
                "library", "data", "data", "file", "file");
        assertThat(texts(components, "bom-ref")).containsExactly(ref + "#model", ref + "#model.parts[0]",
                ref + "#code[0]", ref + "#datasets[0]", ref + "#datasets[1]", ref + "#docs[0]", ref + "#docs[1]");

        Map<String, JsonNode> byRef = byRef(bom);
        assertThat(kit.layers()).hasSize(7);
        for (BoundLayer layer : kit.layers()) {
            JsonNode component = byRef.get(ref + "#" + KitComponents.place(layer.entry().kind(), layer.entry().index()));
            assertThat(component.path("hashes")).hasSize(1);
            assertThat(component.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
            assertThat(component.path("hashes").get(0).path("content").asText()).isEqualTo(layer.descriptor().digest().hex());
            assertThat(properties(component))
                    .containsEntry(KitComponents.LAYER_MEDIA_TYPE, layer.descriptor().mediaType())
                    .containsEntry(KitComponents.LAYER_SIZE, Long.toString(layer.descriptor().size()));
        }

        JsonNode model = components.get(0);
        assertThat(model.path("version").asText()).isEqualTo("1.4.0");
        assertThat(model.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("Apache-2.0");
        assertThat(properties(model)).containsEntry("modelkit:model:framework", "numpy")
                .containsEntry("modelkit:model:format", "safetensors")
                .containsEntry(KitComponents.PATH, "model/sentiment-linear.safetensors");
        JsonNode card = model.path("modelCard");
        assertThat(texts(card.path("modelParameters").path("datasets"), "ref"))
                .containsExactly(ref + "#datasets[0]", ref + "#datasets[1]");
        assertThat(properties(card))
                .containsEntry("modelkit:parameter:architecture", "linear-softmax")
                .containsEntry("modelkit:parameter:labels", "[\"negative\",\"neutral\",\"positive\"]")
                .containsEntry("modelkit:parameter:training.learning_rate", "0.05")
                .containsEntry("modelkit:parameter:training.optimizer.epsilon", "1e-8")
                .containsEntry("modelkit:parameter:lora.rank", "4");
        assertThat(properties(components.get(1))).containsEntry("modelkit:part:type", "lora");

        JsonNode train = components.get(3);
        assertThat(train.path("data").get(0).path("type").asText()).isEqualTo("dataset");
        assertThat(train.path("data").get(0).path("name").asText()).isEqualTo("train");
        assertThat(properties(train)).containsEntry("modelkit:parameter:rows", "480")
                .containsEntry("modelkit:parameter:labels.negative", "166");

        JsonNode dependencies = bom.path("dependencies");
        assertThat(texts(dependencies, "ref")).containsExactly(ref, ref + "#model", ref + "#model.parts[0]",
                ref + "#code[0]", ref + "#datasets[0]", ref + "#datasets[1]", ref + "#docs[0]", ref + "#docs[1]");
        assertThat(texts(dependencies.get(0).path("dependsOn"), null)).containsExactlyElementsOf(texts(components, "bom-ref"));
        assertThat(texts(dependencies.get(1).path("dependsOn"), null)).containsExactly(ref + "#model.parts[0]");
        for (int i = 2; i < dependencies.size(); i++) {
            assertThat(dependencies.get(i).path("dependsOn")).isEmpty();
        }
    }

    @Test
    void shouldDescribeDatasetsPartsPromptsAndEntriesWithoutLayers() throws IOException {
        Path project = temp.resolve("project");
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("Kitfile"), """
                manifestVersion: "1.0"
                package:
                  name: chat-assistant
                model:
                  name: assistant
                  path: weights.bin
                  license: llama3.1
                  parameters:
                    temperature: 0.7
                  parts:
                    - name: tokenizer
                      path: tokenizer.json
                      license: mit
                      type: tokenizer
                    - path: lora.bin
                      type: lora
                code:
                  - path: serve.py
                    license: Apache-2.0 OR MIT
                datasets:
                  - name: finetune
                    path: data/finetune.jsonl
                    license: CC-BY-4.0
                  - name: pretraining
                    remotePath: s3://datasets/pretraining/2026-06.parquet
                    remoteHash: sha256:abc123
                    license: Internal data licence v2
                prompts:
                  - name: system
                    path: system.prompt
                    description: The system prompt
                """);
        Files.writeString(project.resolve("weights.bin"), "weights");
        Files.writeString(project.resolve("tokenizer.json"), "{}");
        Files.writeString(project.resolve("lora.bin"), "lora");
        Files.writeString(project.resolve("serve.py"), "print('hi')\n");
        Files.writeString(project.resolve("data/finetune.jsonl"), "{\"q\":\"a\"}\n");
        Files.writeString(project.resolve("system.prompt"), "You are helpful.\n");
        ModelKitContents kit = pack(project, "layout");
        String ref = kit.manifest().digest().toString();

        JsonNode bom = validated(ModelKitBom.json(Reference.parse("localhost:5000/team/chat-assistant@" + ref),
                kit, GENERATED, "1.2.3"));

        assertThat(bom.path("metadata").path("component").path("purl").asText())
                .isEqualTo("pkg:oci/chat-assistant@sha256%3A" + kit.manifest().digest().hex()
                        + "?repository_url=localhost:5000/team/chat-assistant");
        JsonNode components = bom.path("components");
        assertThat(texts(components, "name")).containsExactly("assistant", "tokenizer", "lora.bin", "serve.py",
                "finetune", "pretraining", "system");
        assertThat(texts(components, "type")).containsExactly("machine-learning-model", "machine-learning-model",
                "machine-learning-model", "library", "data", "data", "file");
        Map<String, JsonNode> byRef = byRef(bom);
        assertThat(byRef.get(ref + "#model").path("licenses").get(0).path("license").path("name").asText())
                .isEqualTo("llama3.1");
        assertThat(byRef.get(ref + "#model.parts[0]").path("licenses").get(0).path("license").path("id").asText())
                .isEqualTo("MIT");
        assertThat(byRef.get(ref + "#code[0]").path("licenses").get(0).path("expression").asText())
                .isEqualTo("Apache-2.0 OR MIT");
        assertThat(byRef.get(ref + "#datasets[0]").path("licenses").get(0).path("license").path("id").asText())
                .isEqualTo("CC-BY-4.0");

        JsonNode remote = byRef.get(ref + "#datasets[1]");
        assertThat(remote.has("hashes")).isFalse();
        assertThat(remote.path("licenses").get(0).path("license").path("name").asText()).isEqualTo("Internal data licence v2");
        assertThat(remote.path("data").get(0).path("contents").path("url").asText())
                .isEqualTo("s3://datasets/pretraining/2026-06.parquet");
        assertThat(properties(remote)).containsEntry("modelkit:dataset:remoteHash", "sha256:abc123")
                .doesNotContainKey(KitComponents.LAYER_MEDIA_TYPE);

        JsonNode prompt = byRef.get(ref + "#prompts[0]");
        BoundLayer promptLayer = kit.layers().stream()
                .filter(layer -> layer.entry().kind() == io.modelkit.core.kitfile.LayerKind.PROMPT).findFirst().orElseThrow();
        assertThat(prompt.path("hashes").get(0).path("content").asText()).isEqualTo(promptLayer.descriptor().digest().hex());
        assertThat(properties(prompt)).containsEntry(KitComponents.LAYER_MEDIA_TYPE, promptLayer.descriptor().mediaType());

        assertThat(texts(byRef.get(ref + "#model").path("modelCard").path("modelParameters").path("datasets"), "ref"))
                .containsExactly(ref + "#datasets[0]", ref + "#datasets[1]");
        JsonNode dependencies = bom.path("dependencies");
        assertThat(texts(dependencies.get(1).path("dependsOn"), null))
                .containsExactly(ref + "#model.parts[0]", ref + "#model.parts[1]");
        assertThat(texts(dependencies.get(0).path("dependsOn"), null)).hasSize(7);
    }

    @Test
    void shouldWriteTheSameBytesForTheSameInputs() throws IOException {
        ModelKitContents first = pack(EXAMPLE, "first");
        ModelKitContents second = pack(EXAMPLE, "second");
        assertThat(second.manifest().digest()).isEqualTo(first.manifest().digest());

        byte[] one = ModelKitBom.json(PUBLISHED, first, GENERATED, "1.2.3");
        byte[] two = ModelKitBom.json(PUBLISHED, second, GENERATED, "1.2.3");

        assertThat(two).isEqualTo(one);
        assertThat(Digest.sha256(two)).isEqualTo(Digest.sha256(one));
        String text = new String(one, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").startsWith("{\n  \"bomFormat\" : \"CycloneDX\",\n").endsWith("}\n");

        byte[] later = ModelKitBom.json(PUBLISHED, first, GENERATED.plusSeconds(60), "1.2.3");
        ObjectNode oneTree = (ObjectNode) JSON.readTree(one);
        ObjectNode laterTree = (ObjectNode) JSON.readTree(later);
        assertThat(laterTree.path("metadata").path("timestamp").asText()).isEqualTo("2026-03-04T05:07:07Z");
        assertThat(laterTree.path("serialNumber")).isNotEqualTo(oneTree.path("serialNumber"));
        for (ObjectNode tree : List.of(oneTree, laterTree)) {
            tree.remove("serialNumber");
            ((ObjectNode) tree.path("metadata")).remove("timestamp");
        }
        assertThat(laterTree).isEqualTo(oneTree);
    }

    @Test
    void shouldRejectAReferenceToAnotherManifest() {
        ModelKitContents kit = pack(EXAMPLE, "layout");
        Reference other = Reference.parse("registry.example.com/ml/sentiment-classifier@sha256:" + "0".repeat(64));

        assertThatThrownBy(() -> ModelKitBom.json(other, kit, GENERATED))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("reference registry.example.com/ml/sentiment-classifier@sha256:" + "0".repeat(64)
                        + " names a different manifest than the ModelKit's " + kit.manifest().digest());
    }

    @Test
    void shouldRejectAKitfileEntryWhoseLayerIsMissing() {
        ModelKitContents kit = pack(EXAMPLE, "layout");
        List<BoundLayer> withoutEval = kit.layers().stream()
                .filter(layer -> !"eval".equals(layer.entry().name())).toList();
        ModelKitContents broken = new ModelKitContents(kit.name(), kit.manifest(), kit.kitfile(), withoutEval);

        assertThatThrownBy(() -> ModelKitBom.json(PUBLISHED, broken, GENERATED))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("registry.example.com/ml/sentiment-classifier:1.4.0: Kitfile entry datasets[1] (data/eval.csv)"
                        + " has no layer in the manifest");
    }

    @Test
    void shouldFailSchemaValidationWhenARequiredFieldIsMissing() throws IOException {
        ModelKitContents kit = pack(EXAMPLE, "layout");
        ObjectNode tree = (ObjectNode) JSON.readTree(ModelKitBom.json(PUBLISHED, kit, GENERATED, "1.2.3"));
        ((ObjectNode) tree.path("components").get(0)).remove("type");

        assertThat(new JsonParser().validate(JSON.writeValueAsBytes(tree), Version.VERSION_16)).isNotEmpty();
    }
}
