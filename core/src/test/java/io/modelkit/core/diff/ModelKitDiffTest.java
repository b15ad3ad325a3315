package io.modelkit.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.store.LayoutStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two packs of the example project, the second with a changed dataset, Kitfile and an added doc. */
class ModelKitDiffTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private ModelKitContents before;
    private ModelKitContents after;

    @BeforeEach
    void packTwice() throws IOException {
        Path project = temp.resolve("project");
        copy(EXAMPLE, project);
        before = pack(project, "v1");
        Files.writeString(project.resolve("data/train.csv"), "id,text,label,domain\n1,changed,positive,books\n");
        Files.writeString(project.resolve("NOTES.md"), "release notes\n");
        String kitfile = Files.readString(project.resolve("Kitfile"))
                .replace("version: 1.4.0\n  description: Three", "version: 1.5.0\n  description: Three")
                .replace("learning_rate: 0.05", "learning_rate: 0.04")
                .replace("betas: [0.9, 0.999]", "betas: [0.9, 0.99]")
                .replace("rows: 480", "rows: 2")
                .replace("  - path: LICENSE\n", "  - path: NOTES.md\n  - path: LICENSE\n");
        Files.writeString(project.resolve("Kitfile"), kitfile);
        after = pack(project, "v2");
    }

    @Test
    void shouldReportFieldsParametersAndContentOfTwoPacks() {
        ModelKitDiffResult diff = ModelKitDiff.compare(before, after);

        assertThat(diff.identical()).isFalse();
        assertThat(diff.kitfileFields()).containsExactly(new FieldChange("package.version", "1.4.0", "1.5.0"));
        assertThat(diff.hyperparameters()).extracting(ValueChange::path).containsExactly(
                "model.parameters.training.learning_rate", "model.parameters.training.optimizer.betas[1]",
                "datasets[train].parameters.rows");
        assertThat(diff.hyperparameters().get(0).relativeChange()).hasValueSatisfying(
                ratio -> assertThat(ratio).isEqualByComparingTo("-0.2"));
        assertThat(diff.content()).extracting(ContentChange::kind, ContentChange::path, ContentChange::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LayerKind.MODEL, "model/sentiment-linear.safetensors", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.MODEL_PART, "adapters/restaurants-lora.safetensors", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.CODE, "src", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.DATASET, "data/train.csv", ContentStatus.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.DATASET, "data/eval.csv", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.DOCS, "README.md", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.DOCS, "LICENSE", ContentStatus.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(LayerKind.DOCS, "NOTES.md", ContentStatus.ADDED));
        ContentChange train = diff.content().get(3);
        assertThat(train.name()).isEqualTo("train");
        assertThat(train.before()).isEqualTo(before.layers().get(3).descriptor());
        assertThat(train.after()).isEqualTo(after.layers().get(3).descriptor());
        assertThat(train.before().digest()).isNotEqualTo(train.after().digest());
        assertThat(diff.contentChanges()).hasSize(2);
        assertThat(diff.layers().sameConfig()).isFalse();
        assertThat(diff.layers().sharedLayers()).hasSize(6);
        assertThat(diff.layers().uniqueLayersA()).containsExactly(train.before());
        assertThat(diff.layers().uniqueLayersB()).hasSize(2).contains(train.after());
    }

    @Test
    void shouldSeeTheReverseAsRemoved() {
        ModelKitDiffResult diff = ModelKitDiff.compare(after, before);

        assertThat(diff.content()).filteredOn(change -> change.status() == ContentStatus.REMOVED)
                .singleElement().satisfies(change -> {
                    assertThat(change.path()).isEqualTo("NOTES.md");
                    assertThat(change.after()).isNull();
                });
        assertThat(diff.kitfileFields()).containsExactly(new FieldChange("package.version", "1.5.0", "1.4.0"));
    }

    @Test
    void shouldFindAModelKitIdenticalToItself() {
        ModelKitDiffResult diff = ModelKitDiff.compare(before, before);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.kitfileFields()).isEmpty();
        assertThat(diff.hyperparameters()).isEmpty();
        assertThat(diff.contentChanges()).isEmpty();
        assertThat(diff.layers().same()).isTrue();
        assertThat(DiffText.render(diff)).endsWith("\nidentical: both are the same ModelKit\n");
        assertThat(DiffMarkdown.render(diff)).endsWith("\nThe ModelKits are **identical**.\n");
    }

    @Test
    void shouldWriteAStableJsonTree() throws IOException {
        ModelKitDiffResult diff = ModelKitDiff.compare(before, after);
        JsonNode json = diff.toJson();

        assertThat(JSON.writeValueAsString(json)).isEqualTo(JSON.writeValueAsString(ModelKitDiff.compare(before, after).toJson()));
        assertThat(json.path("identical").asBoolean()).isFalse();
        assertThat(json.path("a").path("digest").asText()).isEqualTo(before.manifest().digest().toString());
        assertThat(JSON.writeValueAsString(json.path("kitfile")))
                .isEqualTo("[{\"path\":\"package.version\",\"old\":\"1.4.0\",\"new\":\"1.5.0\"}]");
        assertThat(JSON.writeValueAsString(json.path("hyperparameters").get(0))).isEqualTo(
                "{\"path\":\"model.parameters.training.learning_rate\",\"kind\":\"changed\",\"old\":0.05,\"new\":0.04,"
                        + "\"absoluteChange\":-0.01,\"relativeChange\":-0.2}");
        JsonNode train = json.path("content").get(3);
        assertThat(train.path("status").asText()).isEqualTo("changed");
        assertThat(train.path("name").asText()).isEqualTo("train");
        assertThat(train.path("before").path("digest").asText()).isEqualTo(before.layers().get(3).descriptor().digest().toString());
        assertThat(train.path("after").path("size").asLong()).isEqualTo(after.layers().get(3).descriptor().size());
        assertThat(json.path("content").get(7).has("before")).isFalse();
        assertThat(json.path("layers").path("uniqueToA").get(0).asText()).isEqualTo(train.path("before").path("digest").asText());
        assertThat(json.path("layers").path("shared")).hasSize(6);
    }

    @Test
    void shouldRenderAlignedTextAndMarkdownTables() {
        ModelKitDiffResult diff = ModelKitDiff.compare(before, after);
        String trainBefore = DiffFormat.shortDigest(before.layers().get(3).descriptor());
        String trainAfter = DiffFormat.shortDigest(after.layers().get(3).descriptor());
        long sizeBefore = before.layers().get(3).descriptor().size();
        long sizeAfter = after.layers().get(3).descriptor().size();

        String text = DiffText.render(diff);

        assertThat(text).startsWith("A: " + before.name() + " (" + before.manifest().digest() + ")\nB: ");
        assertThat(text).contains("\nKitfile fields:\n  ~ package.version  1.4.0  ->  1.5.0\n");
        assertThat(text).contains("\nHyperparameters:\n"
                + "  ~ model.parameters.training.learning_rate       0.05   ->  0.04  -0.01 (-20%)\n"
                + "  ~ model.parameters.training.optimizer.betas[1]  0.999  ->  0.99  -0.009 (-0.9%)\n"
                + "  ~ datasets[train].parameters.rows               480    ->  2     -478 (-99.58%)\n");
        assertThat(text).contains("  ~ dataset     data/train.csv", "changed    " + trainBefore + " (" + sizeBefore + " B)  -> "
                + trainAfter + " (" + sizeAfter + " B)\n");
        assertThat(text).containsPattern("\n  \\+ docs +NOTES\\.md +added +sha256:[0-9a-f]{12} \\(14 B\\)\n".replace("14 B", "\\d+ B"));
        assertThat(text).endsWith("\nLayers: 6 shared, 1 only in A, 2 only in B; config differs; annotations match\n");

        String markdown = DiffMarkdown.render(diff);

        assertThat(markdown).contains("| Field | Old | New |\n|---|---|---|\n| `package.version` | 1.4.0 | 1.5.0 |\n");
        assertThat(markdown).contains("| changed | `model.parameters.training.learning_rate` | `0.05` | `0.04` | -0.01 (-20%) |\n");
        assertThat(markdown).contains("| changed | dataset | `data/train.csv` | `" + trainBefore + "` " + sizeBefore + " B | `"
                + trainAfter + "` " + sizeAfter + " B |\n");
        assertThat(markdown).contains("| added | docs | `NOTES.md` |  | `");
    }

    @Test
    void shouldEscapeMarkdownTableCells() {
        assertThat(DiffMarkdown.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(DiffMarkdown.code("x`y")).isEqualTo("``x`y``");
        assertThat(DiffMarkdown.cell("line\nbreak|pipe")).isEqualTo("line break\\|pipe");
    }

    private ModelKitContents pack(Path project, String tag) {
        Path layoutDir = temp.resolve("layout");
        LayoutStore layout = LayoutStore.open(layoutDir);
        LayoutReference target = LayoutReference.of(layoutDir, tag);
        Packer.pack(PackRequest.builder(project).created(CREATED).target(target).build(), layout);
        return ModelKitReader.read(layout, target);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
