package io.modelkit.core.kitfile;

/** Go's view of byte strings: invalid UTF-8 becomes U+FFFD one byte at a time, as Go's JSON encoder does. */
final class GoStrings {
    private GoStrings() {
    }

    static String decodeUtf8(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int width = width(b0);
            int codePoint = width == 0 ? -1 : decode(bytes, i, width);
            if (codePoint < 0) {
                out.append('\uFFFD');
                i++;
            } else {
                out.appendCodePoint(codePoint);
                i += width;
            }
        }
        return out.toString();
    }

    private static int width(int b0) {
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return 2;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            return 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The code point at {@code i}, or -1 when the sequence is invalid (overlong, surrogate, too large, cut). */
    private static int decode(byte[] bytes, int i, int width) {
        if (i + width > bytes.length) {
            return -1;
        }
        int b0 = bytes[i] & 0xFF;
        int b1 = bytes[i + 1] & 0xFF;
        int low = 0x80;
        int high = 0xBF;
        if (b0 == 0xE0) {
            low = 0xA0;
        } else if (b0 == 0xED) {
            high = 0x9F;
        } else if (b0 == 0xF0) {
            low = 0x90;
        } else if (b0 == 0xF4) {
            high = 0x8F;
        }
        if (b1 < low || b1 > high) {
            return -1;
        }
        int codePoint = width == 2 ? b0 & 0x1F : width == 3 ? b0 & 0x0F : b0 & 0x07;
        codePoint = codePoint << 6 | b1 & 0x3F;
        for (int k = 2; k < width; k++) {
            int b = bytes[i + k] & 0xFF;
            if (b < 0x80 || b > 0xBF) {
                return -1;
            }
            codePoint = codePoint << 6 | b & 0x3F;
        }
        return codePoint;
    }
}
