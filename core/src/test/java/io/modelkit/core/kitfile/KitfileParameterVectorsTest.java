package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kit's {@code TestParameterMarshalUnmarshal}: each vector's Kitfile YAML must give exactly its config
 * JSON bytes, be written back to the same YAML, and read back from the JSON to the same Kitfile.
 */
class KitfileParameterVectorsTest {

    static List<Path> vectors() {
        return TestVectors.yamlFiles("pkg/artifact/testdata/parameters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldWriteTheConfigBytesKitWrites(Path vector) {
        JsonNode test = TestVectors.read(vector);
        Kitfile kitfile = KitfileReader.read(bytes(test, "kitfileYaml"), vector.getFileName().toString());

        assertThat(new String(KitfileJson.configBytes(kitfile), StandardCharsets.UTF_8))
                .isEqualTo(test.get("kitfileJson").textValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldWriteTheYamlKitWrites(Path vector) {
        JsonNode test = TestVectors.read(vector);
        Kitfile kitfile = KitfileReader.read(bytes(test, "kitfileYaml"), vector.getFileName().toString());

        assertThat(KitfileYaml.write(kitfile)).isEqualTo(test.get("kitfileYaml").textValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldReadTheConfigBackToTheSameKitfile(Path vector) {
        JsonNode test = TestVectors.read(vector);
        Kitfile fromYaml = KitfileReader.read(bytes(test, "kitfileYaml"), "yaml");

        Kitfile fromJson = KitfileJson.parseConfig(bytes(test, "kitfileJson"), "json");

        assertThat(fromJson).isEqualTo(fromYaml);
    }

    private static byte[] bytes(JsonNode test, String field) {
        return test.get(field).textValue().getBytes(StandardCharsets.UTF_8);
    }
}
