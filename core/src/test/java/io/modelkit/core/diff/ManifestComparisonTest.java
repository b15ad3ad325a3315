package io.modelkit.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Layer sharing as {@code kit diff} defines it, checked against KitOps' compare-manifest vectors. The
 * vectors name digests {@code sha256:layer1}; each such name is replaced by the sha256 of the name, in
 * manifests and expectations alike, since a real manifest only holds real digests. Kit sorts each list by
 * media type but its vectors do not, so the vectors are compared without order.
 */
class ManifestComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAKE_DIGEST = Pattern.compile("sha256:(?![0-9a-f]{64}\")([A-Za-z0-9_]+)");
    private static final String MODEL = "application/vnd.kitops.modelkit.model.v1.tar";
    private static final String CODE = "application/vnd.kitops.modelkit.code.v1.tar";

    /** Kit pairs manifest A with each other manifest; each pair's expected outcome is one vector file. */
    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "manifestA.json, manifestB.json, different-config.json",
        "manifestA.json, manifestC.json, different-layer.json",
        "manifestA.json, manifestD.json, annotation-mismatch.json",
        "manifestA.json, manifestE.json, mixed-diff.json"
    })
    void shouldMatchKitOnEveryVector(String a, String b, String expected) throws IOException {
        ManifestComparison comparison = ManifestComparison.of(manifest(a), manifest(b));

        JsonNode want = JSON.readTree(vector(expected));
        assertThat(comparison.sameConfig()).isEqualTo(want.path("SameConfig").asBoolean());
        assertThat(comparison.annotationsMatch()).isEqualTo(want.path("AnnotationsMatch").asBoolean());
        assertThat(digests(comparison.sharedLayers()))
                .containsExactlyInAnyOrderElementsOf(digests(want.path("SharedLayers")));
        assertThat(digests(comparison.uniqueLayersA()))
                .containsExactlyInAnyOrderElementsOf(digests(want.path("UniqueLayersA")));
        assertThat(digests(comparison.uniqueLayersB()))
                .containsExactlyInAnyOrderElementsOf(digests(want.path("UniqueLayersB")));
        assertThat(comparison.same()).isFalse();
    }

    @Test
    void shouldFindAManifestSameAsItself() throws IOException {
        ManifestComparison comparison = ManifestComparison.of(manifest("manifestA.json"), manifest("manifestA.json"));

        assertThat(comparison.same()).isTrue();
        assertThat(digests(comparison.sharedLayers())).as("kit orders layers by media type: code before model")
                .containsExactly(real("layer2"), real("layer1"));
    }

    @Test
    void shouldShareALayerOnlyWhenBothFilePathsAgree() {
        Digest weights = Digest.sha256("w".getBytes(StandardCharsets.UTF_8));
        Descriptor inModel = new Descriptor(MODEL, weights, 1).withAnnotation(Annotations.FILEPATH, "model/w.bin");
        Descriptor cleanedSame = new Descriptor(MODEL, weights, 1).withAnnotation(Annotations.FILEPATH, "./model//w.bin");
        Descriptor elsewhere = new Descriptor(MODEL, weights, 1).withAnnotation(Annotations.FILEPATH, "other/w.bin");
        Descriptor unannotated = new Descriptor(MODEL, weights, 1);

        assertThat(ManifestComparison.of(of(inModel), of(cleanedSame)).sharedLayers()).containsExactly(cleanedSame);
        ManifestComparison moved = ManifestComparison.of(of(inModel), of(elsewhere));
        assertThat(moved.sharedLayers()).isEmpty();
        assertThat(moved.uniqueLayersA()).containsExactly(inModel);
        assertThat(moved.uniqueLayersB()).containsExactly(elsewhere);
        assertThat(ManifestComparison.of(of(inModel), of(unannotated)).sharedLayers())
                .as("ModelKits packed before the annotation existed share by digest alone").containsExactly(unannotated);
    }

    @Test
    void shouldMatchRepeatedDigestsOneForOneAndSortByMediaType() {
        Digest same = Digest.sha256("same".getBytes(StandardCharsets.UTF_8));
        Descriptor code = new Descriptor(CODE, same, 4);
        Descriptor model = new Descriptor(MODEL, same, 4);

        ManifestComparison comparison = ManifestComparison.of(of(model, code), of(code));

        assertThat(comparison.sharedLayers()).hasSize(1);
        assertThat(comparison.uniqueLayersA()).hasSize(1);
        assertThat(comparison.uniqueLayersB()).isEmpty();
        ManifestComparison sorted = ManifestComparison.of(of(model, code), of());
        assertThat(sorted.uniqueLayersA()).extracting(Descriptor::mediaType).containsExactly(CODE, MODEL);
    }

    private static Manifest of(Descriptor... layers) {
        return Manifest.builder().mediaType(MediaTypes.OCI_MANIFEST)
                .config(Descriptor.of("application/vnd.kitops.modelkit.config.v1+json", "{}".getBytes(StandardCharsets.UTF_8)))
                .layers(List.of(layers)).build();
    }

    private static Manifest manifest(String name) throws IOException {
        return Manifest.parse(vector(name).getBytes(StandardCharsets.UTF_8));
    }

    /** The vector's text with each named fake digest replaced by a real one. */
    private static String vector(String name) throws IOException {
        try (InputStream in = ManifestComparisonTest.class.getResourceAsStream("/kitops/compare-manifest/" + name)) {
            assertThat(in).as(name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = FAKE_DIGEST.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, real(matcher.group(1)));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    private static String real(String name) {
        return Digest.sha256(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<String> digests(List<Descriptor> layers) {
        return layers.stream().map(layer -> layer.digest().toString()).toList();
    }

    private static List<String> digests(JsonNode layers) {
        List<String> digests = new ArrayList<>();
        layers.forEach(layer -> digests.add(layer.path("digest").asText()));
        return digests;
    }
}
