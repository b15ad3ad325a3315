package io.modelkit.core.dashboard;

import java.util.Objects;

/**
 * A status badge in the shields.io "flat" style: a grey {@code label} box, a {@code message} box coloured
 * by the gate outcome, rounded corners and a light gradient, 20 px high. Widths come from the advance
 * widths of Verdana at 11 px, so no font file is read and the same text always gives the same bytes; a
 * viewer without Verdana falls back to a similar sans-serif and {@code textLength} keeps the text in
 * its box.
 */
public record Badge(String label, String message, GateOutcome outcome) {
    private static final int HEIGHT = 20;
    private static final int PADDING = 5;
    private static final String LABEL_COLOUR = "#555";

    /**
     * Verdana's advance widths (units of 1/2048 em) for U+0020 to U+007E; characters outside this range
     * count as wide as {@code M}, which errs towards a box slightly too wide rather than clipped text.
     */
    private static final int[] ADVANCE = {
        720, 821, 1001, 1817, 1413, 2406, 1618, 557, 1010, 1010, 1413, 1817, 719, 1010, 719, 1010, // space to /
        1413, 1413, 1413, 1413, 1413, 1413, 1413, 1413, 1413, 1413, 1010, 1010, 1817, 1817, 1817, 1209, // 0 to ?
        2218, 1556, 1527, 1567, 1724, 1417, 1290, 1737, 1702, 955, 1024, 1575, 1270, 1904, 1702, 1760, // @ to O
        1347, 1760, 1572, 1413, 1374, 1663, 1556, 2204, 1550, 1374, 1421, 1010, 1010, 1010, 1817, 1413, // P to _
        1413, 1364, 1397, 1197, 1397, 1316, 788, 1397, 1423, 616, 748, 1317, 616, 2178, 1423, 1356, // ` to o
        1397, 1397, 959, 1165, 866, 1423, 1317, 1778, 1317, 1317, 1171, 1423, 1010, 1423, 1817 // p to ~
    };
    private static final int WIDE = 1904;
    private static final double FONT_PX = 11;
    private static final double UNITS_PER_EM = 2048;

    public Badge {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The badge of a stage: {@code prod | fraud-detector 1.4.0}, coloured by the stage's gate outcome;
     * {@code none} when the stage holds nothing.
     */
    public static Badge of(String modelKit, StageEntry entry) {
        if (entry.isEmpty()) {
            return new Badge(entry.stage(), "none", GateOutcome.UNKNOWN);
        }
        String message = entry.version() == null || entry.version().isBlank() ? modelKit : modelKit + " " + entry.version();
        return new Badge(entry.stage(), message, entry.gate());
    }

    /** The width of {@code text} in Verdana 11 px, in pixels. */
    public static double textWidth(String text) {
        long units = text.codePoints().mapToLong(c -> c >= 0x20 && c <= 0x7E ? ADVANCE[c - 0x20] : WIDE).sum();
        return units * FONT_PX / UNITS_PER_EM;
    }

    /** The width of the whole badge in pixels; no label box when the label is empty. */
    public int width() {
        return labelWidth() + messageWidth();
    }

    private int labelWidth() {
        return label.isEmpty() ? 0 : boxWidth(label);
    }

    private int messageWidth() {
        return boxWidth(message);
    }

    private static int boxWidth(String text) {
        return (int) Math.round(textWidth(text)) + 2 * PADDING;
    }

    /** The SVG document, UTF-8 text without an XML declaration (as shields.io serves it). */
    public String svg() {
        int labelWidth = labelWidth();
        int messageWidth = messageWidth();
        int width = labelWidth + messageWidth;
        String title = label.isEmpty() ? message : label + ": " + message;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Markup.escape(title)).append("\">")
                .append("<title>").append(Markup.escape(title)).append("</title>")
                .append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\""
                        + " stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
                .append("<clipPath id=\"r\"><rect width=\"").append(width).append("\" height=\"").append(HEIGHT)
                .append("\" rx=\"3\" fill=\"#fff\"/></clipPath>")
                .append("<g clip-path=\"url(#r)\">");
        if (labelWidth > 0) {
            svg.append("<rect width=\"").append(labelWidth).append("\" height=\"").append(HEIGHT).append("\" fill=\"")
                    .append(LABEL_COLOUR).append("\"/>");
        }
        svg.append("<rect x=\"").append(labelWidth).append("\" width=\"").append(messageWidth).append("\" height=\"")
                .append(HEIGHT).append("\" fill=\"").append(outcome.colour()).append("\"/>")
                .append("<rect width=\"").append(width).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"url(#s)\"/></g>")
                // drawn at 10x and scaled down, as shields.io does, for sub-pixel placement in integer units
                .append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\""
                        + " text-rendering=\"geometricPrecision\" font-size=\"110\">");
        if (labelWidth > 0) {
            text(svg, label, 0, labelWidth);
        }
        text(svg, message, labelWidth, messageWidth);
        return svg.append("</g></svg>").toString();
    }

    private static void text(StringBuilder svg, String text, int x, int boxWidth) {
        long centre = Math.round((x + boxWidth / 2.0) * 10);
        long length = Math.round(textWidth(text) * 10);
        String escaped = Markup.escape(text);
        svg.append("<text aria-hidden=\"true\" x=\"").append(centre).append("\" y=\"150\" fill=\"#010101\""
                + " fill-opacity=\".3\" transform=\"scale(.1)\" textLength=\"").append(length).append("\">")
                .append(escaped).append("</text>")
                .append("<text x=\"").append(centre).append("\" y=\"140\" transform=\"scale(.1)\" fill=\"#fff\""
                        + " textLength=\"").append(length).append("\">").append(escaped).append("</text>");
    }
}
