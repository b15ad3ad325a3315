package io.modelkit.core.kitfile;

import static io.modelkit.core.kitfile.KitfileTestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitfileTest {

    private static Kitfile read(String yaml) {
        return KitfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "Kitfile");
    }

    @Test
    void shouldListLayerEntriesInKitsOrder() {
        Kitfile kitfile = read("""
                manifestVersion: 1.0.0
                mcpServers: [{name: fs, path: fs.mcpb}]
                prompts: [{name: sys, path: sys.prompt}]
                docs: [{path: README.md}]
                datasets:
                  - {name: train, path: data/train}
                  - {name: remote, path: data/remote, remotePath: 'org/data:v1'}
                  - {name: eval, path: data/eval}
                code: [{path: src}, {}]
                model:
                  name: m
                  path: model.gguf
                  parts: [{name: lora, path: lora}]
                """);

        assertThat(kitfile.layerEntries()).containsExactly(
                new LayerEntry(LayerKind.MODEL, 0, "m", "model.gguf"),
                new LayerEntry(LayerKind.MODEL_PART, 0, "lora", "lora"),
                new LayerEntry(LayerKind.CODE, 0, null, "src"),
                new LayerEntry(LayerKind.CODE, 1, null, ""),
                new LayerEntry(LayerKind.DATASET, 0, "train", "data/train"),
                new LayerEntry(LayerKind.DATASET, 2, "eval", "data/eval"),
                new LayerEntry(LayerKind.DOCS, 0, null, "README.md"),
                new LayerEntry(LayerKind.PROMPT, 0, "sys", "sys.prompt"),
                new LayerEntry(LayerKind.MCP_SERVER, 0, "fs", "fs.mcpb"));
    }

    @Test
    void shouldGiveNoLayerToAnEmptyOrReferencedModelPath() {
        assertThat(read("model: {parts: [{path: p}]}").layerEntries())
                .containsExactly(new LayerEntry(LayerKind.MODEL_PART, 0, null, "p"));
        assertThat(read("model: {path: 'registry.example.com/org/base:v1'}").layerEntries()).isEmpty();
    }

    @Test
    void shouldSetLayerInfoInLayerOrder() {
        Kitfile kitfile = KitfileTestData.everything();
        List<LayerInfo> infos = new ArrayList<>();
        for (LayerEntry entry : kitfile.layerEntries()) {
            infos.add(new LayerInfo(digest("blob " + entry.path()), digest("tar " + entry.path())));
        }

        Kitfile packed = kitfile.withLayers(infos);

        assertThat(packed.layerInfos()).isEqualTo(infos);
        assertThat(packed.model().layer().digest()).isEqualTo(digest("blob models/m1.gguf"));
        assertThat(packed.model().parts().get(0).layer().diffId()).isEqualTo(digest("tar adapters/"));
        assertThat(packed.datasets().get(1).layer()).isNull();
        assertThat(packed.mcpServers().get(0).layer().digest()).isEqualTo(digest("blob fs.mcpb"));
        assertThat(packed.layerInfo(packed.layerEntries().get(5))).isEqualTo(infos.get(5));
        assertThat(packed.withoutLayers()).isEqualTo(kitfile);
    }

    @Test
    void shouldRefuseTheWrongNumberOfLayerInfos() {
        assertThatThrownBy(() -> KitfileTestData.everything().withLayers(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 7 layer infos, one per layer entry, but got 0");
    }

    @Test
    void shouldNormaliseEmptyValues() {
        Kitfile kitfile = new Kitfile("", null, null, null, null, null, null, null);

        assertThat(kitfile.manifestVersion()).isNull();
        assertThat(kitfile.kitPackage()).isEqualTo(KitPackage.empty());
        assertThat(kitfile.code()).isEmpty();
        assertThat(new Code("", "", "", new LayerInfo(null, null))).isEqualTo(new Code(null, null, null, null));
        assertThat(new Model(null, null, null, null, null, null, null, null,
                KitfileTestData.json("null"), null).parameters()).isNull();
    }

    @Test
    void shouldCanonicaliseParameters() {
        Model model = new Model(null, null, null, null, null, null, null, List.of(),
                KitfileTestData.json("{\"b\":1200.0,\"a\":[2.5,-0.0]}"), null);

        assertThat(model.parameters().toString()).isEqualTo("{\"a\":[2.5,-0.0],\"b\":1200}");
        assertThatThrownBy(() -> new Model(null, null, null, null, null, null, null, List.of(),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(Double.NaN), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON has no NaN or infinity");
    }
}
