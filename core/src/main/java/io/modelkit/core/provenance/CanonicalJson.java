package io.modelkit.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object keys sorted by their UTF-16 code units,
 * numbers as IEEE 754 doubles in ECMAScript's {@code Number.prototype.toString} form, strings with
 * only the escapes JSON requires, no whitespace, UTF-8. Hashes taken over these bytes do not depend
 * on the key order or number spelling of whoever wrote the JSON.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] write(JsonNode node) {
        return writeString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of {@code node} as a string. */
    public static String writeString(JsonNode node) {
        StringBuilder out = new StringBuilder(128);
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
                node.fields().forEachRemaining(fields::add);
                // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 3.2.3 asks for.
                fields.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendString(out, fields.get(i).getKey());
                    out.append(':');
                    append(out, fields.get(i).getValue());
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
            case NULL -> out.append("null");
            case NUMBER -> out.append(formatNumber(toDouble(node)));
            default -> throw new ModelKitException("canonical JSON: unsupported value of type " + node.getNodeType());
        }
    }

    // JCS numbers are doubles; an integer that a double cannot hold would hash as a different value.
    private static double toDouble(JsonNode node) {
        double value = node.doubleValue();
        if (node.isIntegralNumber() && !Double.isInfinite(value)
                && new BigDecimal(node.bigIntegerValue()).compareTo(new BigDecimal(value)) != 0) {
            throw new ModelKitException("canonical JSON: integer " + node.bigIntegerValue()
                    + " cannot be represented exactly as an IEEE 754 double (RFC 8785 3.2.2.3)");
        }
        return value;
    }

    /** ECMAScript's {@code Number.prototype.toString} of {@code value} (ECMA-262 Number::toString). */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ModelKitException("canonical JSON: " + value + " is not a valid JSON number (RFC 8785 3.2.2.3)");
        }
        if (value == 0) {
            return "0"; // minus zero too
        }
        BigDecimal shortest = GoJson.shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        StringBuilder out = new StringBuilder(k + 8);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new ModelKitException("canonical JSON: string has a lone surrogate U+"
                                + String.format("%04X", (int) c) + " (RFC 8785 requires valid Unicode)");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
