package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KitOps' own pack-unpack cases: each names a Kitfile, a {@code .kitignore}, the files a context holds
 * that must be packed and those that must not. We collect every layer as kit would, check which files
 * go in and into which layer, then write the layers and let GNU tar unpack them all, as kit's test does.
 */
class PackUnpackVectorsTest {
    private static final String CASES = "/kitops/testing/testdata/pack-unpack";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path context;
    @TempDir
    Path work;

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(PackUnpackVectorsTest.class.getResource(CASES).toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldPackExactlyTheFilesKitPacksIntoTheLayersKitUses(String caseFile) throws Exception {
        JsonNode testCase = read(caseFile);
        List<String> files = names(testCase.path("files"));
        List<String> ignored = names(testCase.path("ignored"));
        setUpContext(testCase, files, ignored);
        IgnoreRules ignore = testCase.hasNonNull("kitignore")
                ? IgnoreRules.parse(testCase.get("kitignore").asText(), ".kitignore") : IgnoreRules.none();
        List<String> layerPaths = layerPaths(YAML.readTree(testCase.get("kitfile").asText()));
        List<String> warnings = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };

        Map<String, List<TarEntrySource>> layers = new LinkedHashMap<>();
        for (String layerPath : layerPaths) {
            layers.put(layerPath, LayerContents.collect(context, layerPath, layerPaths, ignore, listener));
        }

        List<String> packed = layers.values().stream().flatMap(List::stream)
                .filter(entry -> !entry.directory()).map(TarEntrySource::name).toList();
        assertThat(packed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
        assertThat(packed).noneMatch(ignored::contains);
        for (String file : files) {
            String owner = deepestLayerHolding(file, layerPaths);
            assertThat(layers.get(owner)).as("layer %s holds %s", owner, file)
                    .anyMatch(entry -> entry.name().equals(file));
        }
        assertThat(warnings).isEmpty();

        Path unpacked = Files.createDirectory(work.resolve("unpacked"));
        int index = 0;
        for (List<TarEntrySource> entries : layers.values()) {
            Path blob = work.resolve("layer" + index++ + ".tar");
            try (OutputStream out = Files.newOutputStream(blob)) {
                LayerWriter.writeTarLayer(context, entries, Compression.NONE, out, ProgressListener.NONE, "layer");
            }
            Process tar = new ProcessBuilder("tar", "-x", "-f", blob.toString(), "-C", unpacked.toString())
                    .redirectErrorStream(true).start();
            assertThat(tar.waitFor()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }
        for (String file : files) {
            assertThat(unpacked.resolve(file)).isRegularFile().hasContent("testing: " + file);
        }
        for (String file : ignored) {
            assertThat(unpacked.resolve(file)).doesNotExist();
        }
        assertThat(unpacked.resolve(".kitignore")).doesNotExist();
        assertThat(unpacked.resolve("Kitfile")).doesNotExist();
    }

    private static JsonNode read(String caseFile) throws IOException {
        try (InputStream in = PackUnpackVectorsTest.class.getResourceAsStream(CASES + "/" + caseFile)) {
            return YAML.readTree(in);
        }
    }

    /** The case files write some paths as {@code ./x}; kit's test joins them to the context all the same. */
    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(node -> names.add(GoPaths.clean(node.asText())));
        return names;
    }

    private void setUpContext(JsonNode testCase, List<String> files, List<String> ignored) throws IOException {
        Files.writeString(context.resolve("Kitfile"), testCase.get("kitfile").asText());
        if (testCase.hasNonNull("kitignore")) {
            Files.writeString(context.resolve(".kitignore"), testCase.get("kitignore").asText());
        }
        for (String file : Stream.concat(files.stream(), ignored.stream()).toList()) {
            Path path = context.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "testing: " + file);
        }
    }

    /** Layer paths in kit's layer order: model, model parts, code, datasets, docs. */
    private static List<String> layerPaths(JsonNode kitfile) {
        List<String> paths = new ArrayList<>();
        JsonNode model = kitfile.path("model");
        if (!model.path("path").asText().isEmpty()) {
            paths.add(model.get("path").asText());
        }
        model.path("parts").forEach(part -> paths.add(part.get("path").asText()));
        for (String section : List.of("code", "datasets", "docs")) {
            kitfile.path(section).forEach(entry -> paths.add(entry.get("path").asText()));
        }
        return paths;
    }

    /** The layer that should hold a file: the one with the longest path that is the file or one of its parents. */
    private static String deepestLayerHolding(String file, List<String> layerPaths) {
        return layerPaths.stream()
                .filter(layer -> {
                    String path = GoPaths.clean(layer);
                    return path.equals(".") || file.equals(path) || file.startsWith(path + "/");
                })
                .max(Comparator.comparingInt(layer -> GoPaths.clean(layer).equals(".") ? 0 : GoPaths.clean(layer).length()))
                .orElseThrow(() -> new AssertionError("no layer holds " + file));
    }
}
