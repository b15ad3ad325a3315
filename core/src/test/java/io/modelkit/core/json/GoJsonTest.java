package io.modelkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldEscapeLikeGoEncodingJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "a<b>&c\u2028\u2029\"\\\n\r\t\b\f\u0001\u007f é 😀");
        assertThat(GoJson.writeString(node)).isEqualTo(
                "{\"s\":\"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f é 😀\"}");
    }

    @Test
    void shouldReplaceLoneSurrogatesAsGoReplacesInvalidUtf8() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "x\ud800y");
        assertThat(GoJson.writeString(node)).isEqualTo("{\"s\":\"x\\ufffdy\"}");
    }

    @Test
    void shouldKeepFieldOrderAndBeCompact() throws Exception {
        var node = mapper.readTree("{ \"b\" : [1, 2, {\"z\": null, \"a\": true}], \"a\" : \"x\" }");
        assertThat(GoJson.writeString(node)).isEqualTo("{\"b\":[1,2,{\"z\":null,\"a\":true}],\"a\":\"x\"}");
    }

    @Test
    void shouldSortMapKeysByUtf8BytesAtEveryDepth() throws Exception {
        var node = mapper.readTree("{\"b\":{\"y\":1,\"x\":2},\"a\":[{\"d\":1,\"c\":2}],\"\uff5e\":0,\"\ud83d\ude00\":0}");
        assertThat(GoJson.writeString(GoJson.sortMapKeys(node)))
                .isEqualTo("{\"a\":[{\"c\":2,\"d\":1}],\"b\":{\"x\":2,\"y\":1},\"\uff5e\":0,\"\ud83d\ude00\":0}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "12.3, 12.3",
        "1200.0, 1200",
        "-123.0, -123",
        "0.1, 0.1",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "0.00000012345, 1.2345e-7",
        "1.0E-10, 1e-10",
        "1.0E20, 100000000000000000000",
        "1.0E21, 1e+21",
        "1.5E300, 1.5e+300",
        "-2.5E-8, -2.5e-8",
        "123456789.125, 123456789.125",
        "5.0E-324, 5e-324",
        "1.7976931348623157E308, 1.7976931348623157e+308",
        "0.3, 0.3",
        "2.0E-3, 0.002"
    })
    void shouldFormatFloatsAsGo(double value, String expected) {
        assertThat(GoJson.formatFloat(value)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseNaNAndInfinityAsGoDoes() {
        assertThatThrownBy(() -> GoJson.formatFloat(Double.NaN)).hasMessageContaining("unsupported value: NaN");
        assertThatThrownBy(() -> GoJson.formatFloat(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    }

    @Test
    void shouldWriteIntegersExactly() throws Exception {
        var node = mapper.readTree("[255, -1, 9223372036854775807, 18446744073709551615]");
        assertThat(GoJson.writeString(node)).isEqualTo("[255,-1,9223372036854775807,18446744073709551615]");
    }

    @Test
    void shouldCompareUtf8LikeGo() {
        assertThat(GoJson.compareUtf8("a", "b")).isNegative();
        assertThat(GoJson.compareUtf8("ab", "a")).isPositive();
        // U+FF5E is below U+1F600 in UTF-8, but above its surrogates in UTF-16.
        assertThat(GoJson.compareUtf8("\uff5e", "\ud83d\ude00")).isNegative();
        assertThat("\uff5e".compareTo("\ud83d\ude00")).isPositive();
    }
}
