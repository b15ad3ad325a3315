package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.json.GoJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kit's {@code TestKitfileGeneration}: create the listed files (each holding {@code "testing: <name>"},
 * so sizes follow name lengths as in kit's test), generate, write the Kitfile, read it back and compare
 * with the expected Kitfile.
 */
class KitfileGenerationVectorsTest {

    static List<Path> vectors() {
        return TestVectors.yamlFiles("testing/testdata/kitfile-generation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldGenerateTheKitfileKitGenerates(Path vector, @TempDir Path dir) throws IOException {
        JsonNode test = TestVectors.read(vector);
        for (JsonNode file : test.path("files")) {
            Path path = dir.resolve(file.textValue());
            Files.createDirectories(path.getParent());
            Files.writeString(path, "testing: " + file.textValue());
        }
        Kitfile expected = KitfileJson.parseConfig(GoJson.write(test.get("expectedKitfile")), "expectedKitfile");

        Kitfile generated = KitfileGenerator.generate(dir, test.get("modelName").textValue(),
                test.get("description").textValue(), null);
        Kitfile writtenAndRead = KitfileReader.read(KitfileYaml.write(generated).getBytes(StandardCharsets.UTF_8), "Kitfile");

        assertThat(generated).isEqualTo(expected);
        assertThat(writtenAndRead).isEqualTo(expected);
    }
}
