package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlKeyOrderTest {

    @Test
    void shouldSortKeysInYamlV3NaturalOrder() {
        assertThat(YamlKeyOrder.sort(List.of("a10", "b", "a2", "_c", "a1", "A", "x10", "x1y", "1", "01", "10")))
                .containsExactly("_c", "1", "01", "10", "A", "a1", "a2", "a10", "b", "x1y", "x10");
    }

    @Test
    void shouldPutShorterPrefixesFirst() {
        assertThat(YamlKeyOrder.less("test-bool", "test-bool-str")).isTrue();
        assertThat(YamlKeyOrder.less("test-bool-str", "test-bool")).isFalse();
    }
}
