package io.modelkit.core.kitfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The parts of yaml.v3's emitter ({@code emitterc.go}, as in go.yaml.in/yaml/v3 v3.0.4, the version kit
 * builds with) that a Kitfile needs, with its exact choices:
 * two-space indentation, block maps and lists, flow style for empty collections and {@code authors},
 * and per scalar the plain, single-quoted, double-quoted or literal style yaml.v3 would pick. Lines are
 * never folded (yaml.v3 sets no width limit).
 */
final class YamlEmitter {
    private static final int BEST_INDENT = 2;

    /** A requested scalar style; the emitter may fall back to a quoted one as yaml.v3 does. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    /** What the emitter writes. */
    sealed interface Node {
    }

    record Scalar(String value, Style style) implements Node {
    }

    record MapNode(List<Map.Entry<Scalar, Node>> entries, boolean flow) implements Node {
    }

    record SeqNode(List<Node> items, boolean flow) implements Node {
    }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;
    private boolean simpleKeyContext;

    private YamlEmitter() {
    }

    /** One YAML document holding {@code root}, ending in a line break. */
    static String document(Node root) {
        YamlEmitter emitter = new YamlEmitter();
        emitter.node(root, false, false);
        emitter.writeIndent();
        return emitter.out.toString();
    }

    private void node(Node node, boolean simpleKey, boolean blockSequenceItem) {
        simpleKeyContext = simpleKey;
        if (node instanceof Scalar scalar) {
            scalar(scalar, blockSequenceItem);
        } else if (node instanceof SeqNode seq) {
            if (flowLevel > 0 || seq.flow() || seq.items().isEmpty()) {
                flowSequence(seq, blockSequenceItem);
            } else {
                blockSequence(seq, blockSequenceItem);
            }
        } else {
            MapNode map = (MapNode) node;
            if (flowLevel > 0 || map.flow() || map.entries().isEmpty()) {
                flowMapping(map, blockSequenceItem);
            } else {
                blockMapping(map, blockSequenceItem);
            }
        }
    }

    private void blockSequence(SeqNode seq, boolean blockSequenceItem) {
        increaseIndent(false, blockSequenceItem);
        for (Node item : seq.items()) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, true);
        }
        indent = indents.pop();
    }

    private void flowSequence(SeqNode seq, boolean blockSequenceItem) {
        writeIndicator("[", true, true, false);
        increaseIndent(true, blockSequenceItem);
        flowLevel++;
        boolean first = true;
        for (Node item : seq.items()) {
            if (!first) {
                writeIndicator(",", false, false, false);
            }
            first = false;
            node(item, false, false);
        }
        flowLevel--;
        indent = indents.pop();
        writeIndicator("]", false, false, false);
    }

    private void blockMapping(MapNode map, boolean blockSequenceItem) {
        increaseIndent(false, blockSequenceItem);
        for (Map.Entry<Scalar, Node> entry : map.entries()) {
            writeIndent();
            if (isSimpleKey(entry.getKey())) {
                node(entry.getKey(), true, false);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(entry.getKey(), false, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(entry.getValue(), false, false);
        }
        indent = indents.pop();
    }

    private void flowMapping(MapNode map, boolean blockSequenceItem) {
        writeIndicator("{", true, true, false);
        increaseIndent(true, blockSequenceItem);
        flowLevel++;
        boolean first = true;
        for (Map.Entry<Scalar, Node> entry : map.entries()) {
            if (!first) {
                writeIndicator(",", false, false, false);
            }
            first = false;
            if (isSimpleKey(entry.getKey())) {
                node(entry.getKey(), true, false);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, false);
                node(entry.getKey(), false, false);
                writeIndicator(":", true, false, false);
            }
            node(entry.getValue(), false, false);
        }
        flowLevel--;
        indent = indents.pop();
        writeIndicator("}", false, false, false);
    }

    /** yaml.v3's {@code check_simple_key}: single-line keys of at most 128 bytes go before ':' directly. */
    private static boolean isSimpleKey(Scalar key) {
        return !ScalarAnalysis.of(key.value()).multiline
                && key.value().getBytes(StandardCharsets.UTF_8).length <= 128;
    }

    private void scalar(Scalar scalar, boolean blockSequenceItem) {
        ScalarAnalysis analysis = ScalarAnalysis.of(scalar.value());
        Style style = selectStyle(scalar, analysis);
        increaseIndent(true, blockSequenceItem);
        switch (style) {
            case PLAIN -> writePlain(scalar.value());
            case SINGLE_QUOTED -> writeSingleQuoted(scalar.value());
            case DOUBLE_QUOTED -> writeDoubleQuoted(scalar.value());
            case LITERAL -> writeLiteral(scalar.value());
        }
        indent = indents.pop();
    }

    private Style selectStyle(Scalar scalar, ScalarAnalysis analysis) {
        Style style = scalar.style();
        if (simpleKeyContext && analysis.multiline) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN) {
            if (flowLevel > 0 && !analysis.flowPlainAllowed || flowLevel == 0 && !analysis.blockPlainAllowed) {
                style = Style.SINGLE_QUOTED;
            }
            if (scalar.value().isEmpty() && (flowLevel > 0 || simpleKeyContext)) {
                style = Style.SINGLE_QUOTED;
            }
        }
        if (style == Style.SINGLE_QUOTED && !analysis.singleQuotedAllowed) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!analysis.blockAllowed || flowLevel > 0 || simpleKeyContext)) {
            style = Style.DOUBLE_QUOTED;
        }
        return style;
    }

    private void increaseIndent(boolean flow, boolean blockSequenceItem) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (blockSequenceItem) {
            indent += 2; // the first indent inside a sequence just skips the "- " indicator
        } else {
            indent = BEST_INDENT * ((indent + BEST_INDENT) / BEST_INDENT);
        }
    }

    // ---- writers, as yaml.v3 writes each style

    private void writePlain(String value) {
        if (!value.isEmpty() && !whitespace) {
            put(' ');
        }
        boolean breaks = false;
        for (int cp : value.codePoints().toArray()) {
            if (cp == ' ') {
                write(cp);
            } else if (isBreak(cp)) {
                if (!breaks && cp == '\n') {
                    putBreak();
                }
                writeBreak(cp);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(cp);
                indention = false;
                breaks = false;
            }
        }
        if (!value.isEmpty()) {
            whitespace = false;
        }
        indention = false;
    }

    private void writeSingleQuoted(String value) {
        writeIndicator("'", true, false, false);
        boolean breaks = false;
        for (int cp : value.codePoints().toArray()) {
            if (cp == ' ') {
                write(cp);
            } else if (isBreak(cp)) {
                if (!breaks && cp == '\n') {
                    putBreak();
                }
                writeBreak(cp);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (cp == '\'') {
                    put('\'');
                }
                write(cp);
                indention = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(String value) {
        writeIndicator("\"", true, false, false);
        // yaml.v3 tests for a byte order mark at the start of the value for every character
        boolean startsWithBom = value.startsWith("\uFEFF");
        for (int cp : value.codePoints().toArray()) {
            if (!ScalarAnalysis.isPrintable(cp) || startsWithBom || isBreak(cp) || cp == '"' || cp == '\\') {
                escape(cp);
            } else {
                write(cp);
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void escape(int cp) {
        put('\\');
        switch (cp) {
            case 0x00 -> put('0');
            case 0x07 -> put('a');
            case 0x08 -> put('b');
            case 0x09 -> put('t');
            case 0x0A -> put('n');
            case 0x0B -> put('v');
            case 0x0C -> put('f');
            case 0x0D -> put('r');
            case 0x1B -> put('e');
            case 0x22 -> put('"');
            case 0x5C -> put('\\');
            case 0x85 -> put('N');
            case 0xA0 -> put('_');
            case 0x2028 -> put('L');
            case 0x2029 -> put('P');
            default -> {
                int width;
                if (cp <= 0xFF) {
                    put('x');
                    width = 2;
                } else if (cp <= 0xFFFF) {
                    put('u');
                    width = 4;
                } else {
                    put('U');
                    width = 8;
                }
                for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
                    int digit = cp >> shift & 0xF;
                    put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
                }
            }
        }
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        putBreak(); // go.yaml.in/yaml/v3 (kit's yaml.v3) ends the header here, so a leading break survives
        whitespace = true;
        boolean breaks = true;
        for (int cp : value.codePoints().toArray()) {
            if (isBreak(cp)) {
                writeBreak(cp);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(cp);
                indention = false;
                breaks = false;
            }
        }
    }

    /** The indentation indicator for a leading space or break, and the chomping indicator. */
    private void writeBlockScalarHints(String value) {
        int[] cps = value.codePoints().toArray();
        if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
            writeIndicator(String.valueOf(BEST_INDENT), false, false, false);
        }
        String chomp = null;
        if (cps.length == 0 || !isBreak(cps[cps.length - 1])) {
            chomp = "-";
        } else if (cps.length == 1 || isBreak(cps[cps.length - 2])) {
            chomp = "+";
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || column == target && !whitespace) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int cp : indicator.codePoints().toArray()) {
            write(cp);
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }

    private void writeBreak(int cp) {
        if (cp == '\n') {
            putBreak();
        } else {
            write(cp);
            column = 0;
            indention = true;
        }
    }

    static boolean isBreak(int cp) {
        return cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    /** yaml.v3's {@code analyze_scalar}: which styles can represent a value. */
    static final class ScalarAnalysis {
        boolean multiline;
        boolean flowPlainAllowed = true;
        boolean blockPlainAllowed = true;
        boolean singleQuotedAllowed = true;
        boolean blockAllowed = true;

        static ScalarAnalysis of(String value) {
            ScalarAnalysis analysis = new ScalarAnalysis();
            if (value.isEmpty()) {
                analysis.flowPlainAllowed = false;
                analysis.blockAllowed = false;
                return analysis;
            }
            boolean blockIndicators = false;
            boolean flowIndicators = false;
            boolean lineBreaks = false;
            boolean special = false;
            boolean tabs = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean precededByWhitespace = true;
            boolean previousSpace = false;
            boolean previousBreak = false;
            if (value.startsWith("---") || value.startsWith("...")) {
                blockIndicators = true;
                flowIndicators = true;
            }
            int[] cps = value.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                int c = cps[i];
                boolean followedByWhitespace = i + 1 >= cps.length || cps[i + 1] == ' ' || cps[i + 1] == '\t';
                if (i == 0) {
                    switch (c) {
                        case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                        case '?', ':' -> {
                            flowIndicators = true;
                            blockIndicators |= followedByWhitespace;
                        }
                        case '-' -> {
                            flowIndicators |= followedByWhitespace;
                            blockIndicators |= followedByWhitespace;
                        }
                        default -> {
                        }
                    }
                } else {
                    switch (c) {
                        case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                        case ':' -> {
                            flowIndicators = true;
                            blockIndicators |= followedByWhitespace;
                        }
                        case '#' -> {
                            flowIndicators |= precededByWhitespace;
                            blockIndicators |= precededByWhitespace;
                        }
                        default -> {
                        }
                    }
                }
                if (c == '\t') {
                    tabs = true;
                } else if (!isPrintable(c)) {
                    special = true;
                }
                if (c == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == cps.length - 1;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak(c)) {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= i == cps.length - 1;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = c == ' ' || c == '\t' || isBreak(c) || c == 0;
            }
            analysis.multiline = lineBreaks;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                analysis.flowPlainAllowed = false;
                analysis.blockPlainAllowed = false;
            }
            if (trailingSpace) {
                analysis.blockAllowed = false;
            }
            if (breakSpace || spaceBreak || tabs || special) {
                analysis.flowPlainAllowed = false;
                analysis.blockPlainAllowed = false;
                analysis.singleQuotedAllowed = false;
            }
            if (spaceBreak || special) {
                analysis.blockAllowed = false;
            }
            if (lineBreaks) {
                analysis.flowPlainAllowed = false;
                analysis.blockPlainAllowed = false;
            }
            if (flowIndicators) {
                analysis.flowPlainAllowed = false;
            }
            if (blockIndicators) {
                analysis.blockPlainAllowed = false;
            }
            return analysis;
        }

        /** yaml.v3's {@code is_printable} (which knows only the Basic Multilingual Plane). */
        static boolean isPrintable(int cp) {
            return cp == 0x0A || cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xD7FF
                    || cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF;
        }
    }
}
