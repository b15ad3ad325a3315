package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** kit's validation vectors: the problems found must match {@code errRegexp}, or be none when it is empty. */
class KitfileValidationVectorsTest {

    static List<Path> vectors() {
        return TestVectors.yamlFiles("pkg/artifact/testdata/validation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldReportWhatKitReports(Path vector) {
        JsonNode test = TestVectors.read(vector);
        Kitfile kitfile = KitfileReader.read(test.get("kitfile").textValue().getBytes(StandardCharsets.UTF_8),
                vector.getFileName().toString());

        String problems = String.join("\n", KitfileValidator.problems(kitfile));

        String expected = test.path("errRegexp").asText("");
        if (expected.isEmpty()) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsPattern(Pattern.compile(expected));
        }
    }
}
