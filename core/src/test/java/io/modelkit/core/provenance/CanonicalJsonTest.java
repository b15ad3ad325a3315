package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.modelkit.core.ModelKitException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are the examples of RFC 8785 (JSON Canonicalization Scheme), sections 3.2.2, 3.2.3 and Appendix B. */
class CanonicalJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldCanonicalizeTheRfc8785Example() throws Exception {
        // RFC 8785 section 3.2.2: the input, then the canonical output.
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";

        String canonical = CanonicalJson.writeString(MAPPER.readTree(input));

        assertThat(canonical).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void shouldSortKeysByUtf16CodeUnits() throws Exception {
        // RFC 8785 section 3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33.
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";

        byte[] canonical = CanonicalJson.write(MAPPER.readTree(input));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        // Sorting by code points (as Go's map order does) would put U+FB33 before U+1F600.
        assertThat(new String(canonical, StandardCharsets.UTF_8)).doesNotContain("Hebrew Letter Dalet With Dagesh\",\"\ud83d");
    }

    @ParameterizedTest
    @CsvSource({
        // RFC 8785 Appendix B: IEEE 754 bits, then the expected JSON number.
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void shouldFormatNumbersAsEcmaScript(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.formatNumber(value)).isEqualTo(expected);
        assertThat(CanonicalJson.writeString(JsonNodeFactory.instance.numberNode(value))).isEqualTo(expected);
    }

    @Test
    void shouldRejectWhatJcsCannotRepresent() {
        assertThatThrownBy(() -> CanonicalJson.formatNumber(Double.NaN))
                .isInstanceOf(ModelKitException.class).hasMessageContaining("NaN is not a valid JSON number");
        assertThatThrownBy(() -> CanonicalJson.formatNumber(Double.POSITIVE_INFINITY))
                .isInstanceOf(ModelKitException.class).hasMessageContaining("Infinity is not a valid JSON number");
        assertThatThrownBy(() -> CanonicalJson.write(JsonNodeFactory.instance.numberNode(new BigInteger("9007199254740993"))))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("canonical JSON: integer 9007199254740993 cannot be represented exactly as an IEEE 754 double (RFC 8785 3.2.2.3)");
        assertThatThrownBy(() -> CanonicalJson.write(JsonNodeFactory.instance.textNode("a\ud800")))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("canonical JSON: string has a lone surrogate U+D800 (RFC 8785 requires valid Unicode)");
    }

    @Test
    void shouldWriteIntegersAndNestedValuesCompactly() throws Exception {
        JsonNode node = MAPPER.readTree("{ \"b\" : [ 1 , 2.0 , -0.0, {\"z\":1,\"a\":\"<&>\"} ], \"a\" : 9007199254740992 }");

        assertThat(CanonicalJson.writeString(node)).isEqualTo("{\"a\":9007199254740992,\"b\":[1,2,0,{\"a\":\"<&>\",\"z\":1}]}");
    }
}
