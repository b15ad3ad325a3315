package io.modelkit.core.dashboard;

/** Escaping for text and attribute values in the SVG and HTML the dashboard writes. */
final class Markup {
    private Markup() {
    }

    /**
     * {@code <>&"'} as entities; characters XML 1.0 cannot hold (controls other than tab, newline and
     * carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the output always parses.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean legal = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
