package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.json.GoJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of free-form {@code parameters}: what kit holds after decoding YAML into
 * {@code interface{}} and storing it with {@code json.Marshal}. Map keys are sorted by their UTF-8
 * bytes; a number is an integer node when its JSON text is an integer (a float such as {@code 1.2e+3}
 * is written {@code 1200} by Go, so it is kept as the integer 1200), otherwise a double node. This
 * makes a config read back equal to the Kitfile it was written from.
 */
final class ParameterValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Go writes float64 values from 1e21 on in exponent form, so only smaller ones read back as integers. */
    private static final double GO_EXPONENT_FORM = 1e21;

    private ParameterValues() {
    }

    /** A canonical deep copy; null, JSON null and missing all mean "no parameters". */
    static JsonNode canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return copy(node);
    }

    private static JsonNode copy(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                node.fields().forEachRemaining(fields::add);
                fields.sort((a, b) -> GoJson.compareUtf8(a.getKey(), b.getKey()));
                ObjectNode object = NODES.objectNode();
                fields.forEach(field -> object.set(field.getKey(), copy(field.getValue())));
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                node.forEach(element -> array.add(copy(element)));
                yield array;
            }
            case NUMBER -> node.isIntegralNumber() ? integer(node.bigIntegerValue()) : floating(node.doubleValue());
            case STRING, BOOLEAN, NULL -> node;
            case MISSING -> NODES.nullNode();
            case BINARY, POJO -> throw new IllegalArgumentException(
                    "parameters can only hold JSON values, not " + node.getNodeType());
        };
    }

    /** The smallest integer node that holds {@code value}, so that equal numbers give equal nodes. */
    static JsonNode integer(BigInteger value) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return NODES.numberNode(value.intValue());
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    /** A float64 as Go's JSON would write it: integral values below 1e21 become integer nodes. */
    static JsonNode floating(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("parameters cannot hold " + value + ": JSON has no NaN or infinity");
        }
        boolean negativeZero = value == 0 && 1 / value < 0;
        if (value == Math.rint(value) && !negativeZero && Math.abs(value) < GO_EXPONENT_FORM) {
            return integer(GoJson.shortestDecimal(value).toBigIntegerExact());
        }
        return NODES.numberNode(value);
    }

    /**
     * A number as kit's unpack writes it to YAML: config numbers are float64 there, which yaml.v3 formats
     * with {@code strconv.FormatFloat(f, 'g', -1, 64)}. Integers that a float64 cannot hold exactly are
     * written in full instead, so that nothing is lost.
     */
    static String yamlText(JsonNode number) {
        if (number.isIntegralNumber()) {
            BigInteger value = number.bigIntegerValue();
            double asDouble = value.doubleValue();
            if (Math.abs(asDouble) < GO_EXPONENT_FORM && GoJson.shortestDecimal(asDouble).toBigInteger().equals(value)) {
                return formatG(asDouble);
            }
            return value.toString();
        }
        return formatG(number.doubleValue());
    }

    /** Go's {@code strconv.FormatFloat(value, 'g', -1, 64)}: shortest digits, exponent form below 1e-4 or from 1e6. */
    static String formatG(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal decimal = GoJson.shortestDecimal(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            if (Math.abs(exponent) < 10) {
                out.append('0');
            }
            out.append(Math.abs(exponent));
            return out.toString();
        }
        int point = exponent + 1;
        if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).append("0".repeat(point - digits.length()));
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }
}
