package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractOptionsTest {

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(value = {
        "models/m1.gguf | models",
        "a/b/c/ | a/b",
        "src | ''",
        "README.md | ''",
    }, delimiter = '|')
    void shouldRootLegacyLayersAtTheParentOfTheLayerPath(String layerPath, String baseDir) {
        assertThat(ExtractOptions.builder().legacyLayerPath(layerPath).build().baseDir()).isEqualTo(baseDir);
    }
}
