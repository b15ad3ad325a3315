package io.modelkit.core.kitfile;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * yaml.v3's scalar resolution ({@code resolve.go}), YAML 1.2 style: {@code true}/{@code false} in three
 * spellings are booleans but {@code yes}/{@code no}/{@code on}/{@code off} stay strings; {@code 0xFF},
 * {@code 0o17}, {@code 0b1}, {@code 017} and {@code 1_000} are integers; {@code 1e3} is a float;
 * {@code 2001-12-14} is a timestamp; {@code .inf} and {@code .nan} are floats Go cannot put in JSON.
 */
final class YamlScalars {
    static final String NULL = "!!null";
    static final String BOOL = "!!bool";
    static final String STR = "!!str";
    static final String INT = "!!int";
    static final String FLOAT = "!!float";
    static final String TIMESTAMP = "!!timestamp";
    static final String BINARY = "!!binary";
    static final String MERGE = "!!merge";
    static final String SEQ = "!!seq";
    static final String MAP = "!!map";

    private static final String LONG_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOTTED_FLOAT = Pattern.compile("\\.[0-9_]*(?:[eE][-+]?[0-9][0-9_]*)?");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final Map<String, Resolved> WORDS = new HashMap<>();

    static {
        for (String word : new String[] {"true", "True", "TRUE"}) {
            WORDS.put(word, new Resolved(BOOL, Boolean.TRUE));
        }
        for (String word : new String[] {"false", "False", "FALSE"}) {
            WORDS.put(word, new Resolved(BOOL, Boolean.FALSE));
        }
        for (String word : new String[] {"", "~", "null", "Null", "NULL"}) {
            WORDS.put(word, new Resolved(NULL, null));
        }
        for (String word : new String[] {".nan", ".NaN", ".NAN"}) {
            WORDS.put(word, new Resolved(FLOAT, Double.NaN));
        }
        for (String word : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            WORDS.put(word, new Resolved(FLOAT, Double.POSITIVE_INFINITY));
        }
        for (String word : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            WORDS.put(word, new Resolved(FLOAT, Double.NEGATIVE_INFINITY));
        }
        // yaml.v3 also lists "<<" here, but never looks it up ('<' is no hint), so "<<" resolves as a string
    }

    private YamlScalars() {
    }

    /**
     * A resolved scalar: {@code tag} in short form; {@code value} is null, a Boolean, a BigInteger
     * (int64 or uint64 range), a Double, a String or a {@link GoTimestamp}.
     */
    record Resolved(String tag, Object value) {
    }

    /** A scalar whose explicit tag contradicts its text, such as {@code !!int abc}. */
    static final class ResolveException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResolveException(String message) {
            super(message);
        }
    }

    /** {@code tag:yaml.org,2002:int} becomes {@code !!int}; other tags are kept as they are. */
    static String shortTag(String tag) {
        if (tag == null) {
            return "";
        }
        return tag.startsWith(LONG_TAG_PREFIX) ? "!!" + tag.substring(LONG_TAG_PREFIX.length()) : tag;
    }

    /** yaml.v3's {@code resolve(tag, in)} for a plain scalar (or an explicitly tagged one). */
    static Resolved resolve(String tag, String in) {
        if (!resolvable(tag)) {
            return new Resolved(tag, in);
        }
        Resolved resolved = resolveText(tag, in);
        if (tag.isEmpty() || tag.equals(resolved.tag()) || tag.equals(STR)) {
            return resolved;
        }
        if (tag.equals(FLOAT) && resolved.tag().equals(INT)) {
            BigInteger integer = (BigInteger) resolved.value();
            if (integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(INT64_MAX) <= 0) {
                return new Resolved(FLOAT, integer.doubleValue());
            }
        }
        throw new ResolveException("cannot decode " + resolved.tag() + " `" + in + "` as a " + tag);
    }

    /** The tag yaml.v3 gives an untagged plain scalar: what decides whether a string must be quoted. */
    static String plainTag(String in) {
        return resolveText("", in).tag();
    }

    private static boolean resolvable(String tag) {
        return switch (tag) {
            case "", STR, BOOL, INT, FLOAT, NULL, TIMESTAMP -> true;
            default -> false;
        };
    }

    private static Resolved resolveText(String tag, String in) {
        char hint = hint(in);
        if (hint != 0 && !tag.equals(STR)) {
            Resolved word = WORDS.get(in);
            if (word != null) {
                return word;
            }
            if (hint == '.') {
                Double value = parseDottedFloat(in);
                if (value != null) {
                    return new Resolved(FLOAT, value);
                }
            } else if (hint == 'D' || hint == 'S') {
                Resolved number = resolveNumber(tag, in);
                if (number != null) {
                    return number;
                }
            }
        }
        return new Resolved(STR, in);
    }

    /** yaml.v3's {@code resolveTable}, looked up by the first byte. */
    private static char hint(String in) {
        if (in.isEmpty()) {
            return 'N';
        }
        char first = in.charAt(0);
        if (first == '+' || first == '-') {
            return 'S';
        }
        if (first >= '0' && first <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(first) >= 0) {
            return 'M';
        }
        return first == '.' ? '.' : 0;
    }

    private static Resolved resolveNumber(String tag, String in) {
        if (tag.isEmpty() || tag.equals(TIMESTAMP)) {
            var timestamp = GoTimestamp.parse(in);
            if (timestamp.isPresent()) {
                return new Resolved(TIMESTAMP, timestamp.get());
            }
        }
        String plain = in.replace("_", "");
        BigInteger integer = parseInt(plain);
        if (integer != null) {
            return new Resolved(INT, integer);
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double value = Double.parseDouble(plain);
            if (!Double.isInfinite(value)) {
                return new Resolved(FLOAT, value);
            }
        }
        return null;
    }

    /** Go's {@code ParseInt(s, 0, 64)}, then {@code ParseUint(s, 0, 64)}: null when both fail. */
    static BigInteger parseInt(String s) {
        boolean negative = false;
        String unsigned = s;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            unsigned = s.substring(1);
        }
        BigInteger magnitude = parseUint(unsigned);
        if (magnitude == null) {
            return null;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(INT64_MAX) <= 0) {
            return value;
        }
        // ParseInt overflowed; ParseUint takes the unsigned text only when there was no sign
        return s.equals(unsigned) ? magnitude : null;
    }

    /** Go's {@code ParseUint(s, 0, 64)} on text without underscores: 0x, 0o, 0b and leading-0 octal. */
    private static BigInteger parseUint(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (prefix == 'b') {
                radix = 2;
                digits = s.substring(2);
            } else if (prefix == 'o') {
                radix = 8;
                digits = s.substring(2);
            } else if (prefix == 'x') {
                radix = 16;
                digits = s.substring(2);
            } else {
                radix = 8;
                digits = s.substring(1);
            }
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(radix);
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0 || digits.charAt(i) >= 128) {
                return null;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
            if (value.compareTo(UINT64_MAX) > 0) {
                return null;
            }
        }
        return value;
    }

    /** Go's {@code ParseFloat} for text that starts with '.', where yaml.v3 keeps underscores. */
    private static Double parseDottedFloat(String in) {
        if (!DOTTED_FLOAT.matcher(in).matches() || !underscoresBetweenDigits(in)) {
            return null;
        }
        String mantissa = in.split("[eE]", 2)[0];
        if (mantissa.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        double value = Double.parseDouble(in.replace("_", ""));
        return Double.isInfinite(value) ? null : value;
    }

    /** Go's {@code underscoreOK}: every underscore sits between two digits. */
    private static boolean underscoresBetweenDigits(String s) {
        char saw = '^';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }
}
