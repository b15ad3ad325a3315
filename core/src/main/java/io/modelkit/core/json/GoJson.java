package io.modelkit.core.json;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as Go's {@code encoding/json.Marshal} does, because OCI digests are taken over
 * these bytes and must match what {@code kit} produces: compact, fields in the order of the tree,
 * {@code <>&} and U+2028/U+2029 escaped, floats in Go's shortest 'f'/'e' form.
 */
public final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** The Go bytes of {@code node}; objects are written in their own field order. */
    public static byte[] write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        append(out, node);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Same as {@link #write} but as a string. */
    public static String writeString(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    /**
     * A copy of {@code node} whose objects (at every depth) have their keys sorted as Go sorts map
     * keys: by the bytes of their UTF-8 encoding.
     */
    public static JsonNode sortMapKeys(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort((a, b) -> compareUtf8(a.getKey(), b.getKey()));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                sorted.set(field.getKey(), sortMapKeys(field.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(sortMapKeys(element)));
            return array;
        }
        return node;
    }

    /** Compares two strings by their UTF-8 bytes, the order of Go's {@code strings.Compare}. */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb); // code point order equals UTF-8 byte order
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(out, field.getKey());
                    out.append(':');
                    append(out, field.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> appendString(out, node.textValue());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            case NUMBER -> appendNumber(out, node);
            case BINARY, POJO -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void appendNumber(StringBuilder out, JsonNode node) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else {
            out.append(formatFloat(node.doubleValue()));
        }
    }

    /**
     * Go's float64 encoding: shortest round-trip digits, 'e' notation below 1e-6 or from 1e21 on,
     * with a two-digit exponent except that {@code e-07} becomes {@code e-7}.
     */
    public static String formatFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("unsupported value: " + value);
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortestDecimal(value);
        double abs = Math.abs(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int absExp = Math.abs(exponent);
        if (absExp < 10 && exponent >= 0) {
            out.append('0');
        }
        out.append(absExp);
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}. Java's algorithm keeps at least two
     * digits where Go's takes one (only subnormals are affected, e.g. 5e-324), so try one digit too.
     */
    public static BigDecimal shortestDecimal(double value) {
        BigDecimal decimal = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
        if (decimal.precision() == 2) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal oneDigit = decimal.round(new MathContext(1, mode));
                if (oneDigit.doubleValue() == value) {
                    return oneDigit.stripTrailingZeros();
                }
            }
        }
        return decimal;
    }

    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else if (Character.isSurrogate(c)) {
                        i = appendSurrogate(out, value, i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Keeps a valid surrogate pair; Go replaces an invalid one with U+FFFD. */
    private static int appendSurrogate(StringBuilder out, String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(i + 1));
            return i + 1;
        }
        out.append("\\ufffd");
        return i;
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
