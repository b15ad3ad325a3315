package io.modelkit.core.kitfile;

import java.util.Optional;

/**
 * A YAML timestamp as yaml.v3 parses it ({@code time.Parse} with its four layouts) and as Go's JSON
 * encoder writes the resulting {@code time.Time}: RFC 3339 with nanoseconds, trailing zeros dropped,
 * {@code Z} for a zero offset. {@code offsetSeconds} is null for UTC.
 */
record GoTimestamp(int year, int month, int day, int hour, int minute, int second, int nanos,
                   Integer offsetSeconds) {

    /** The timestamp {@code text} spells, or empty when yaml.v3 would not take it for one. */
    static Optional<GoTimestamp> parse(String text) {
        if (text.length() < 5 || !digits(text, 0, 4) || text.charAt(4) != '-') {
            return Optional.empty();
        }
        for (Layout layout : Layout.values()) {
            GoTimestamp parsed = new Cursor(text).parse(layout);
            if (parsed != null) {
                return Optional.of(parsed);
            }
        }
        return Optional.empty();
    }

    /** {@code time.RFC3339Nano}, as {@code time.Time.MarshalJSON} writes it. */
    String rfc3339Nano() {
        StringBuilder out = new StringBuilder(35);
        out.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second));
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            out.append('.').append(fraction);
        }
        if (offsetSeconds == null || offsetSeconds == 0) {
            return out.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        out.append(offsetSeconds < 0 ? '-' : '+').append(String.format("%02d:%02d", minutes / 60, minutes % 60));
        return out.toString();
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(String text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /** yaml.v3's {@code allowedTimestampFormats}, tried in this order. */
    private enum Layout {
        DATE_TIME_T, DATE_TIME_LOWER_T, DATE_SPACE_TIME, DATE
    }

    /** One attempt at Go's {@code time.Parse} for one layout; null on any mismatch or range error. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        GoTimestamp parse(Layout layout) {
            int year = Integer.parseInt(text.substring(0, 4));
            at = 4;
            if (!literal('-')) {
                return null;
            }
            int month = number();
            if (month < 1 || month > 12 || !literal('-')) {
                return null;
            }
            int day = number();
            if (day < 0) {
                return null;
            }
            int hour = 0;
            int minute = 0;
            int second = 0;
            int nanos = 0;
            Integer offset = null;
            if (layout != Layout.DATE) {
                if (!separator(layout)) {
                    return null;
                }
                hour = number();
                if (hour < 0 || hour >= 24 || !literal(':')) {
                    return null;
                }
                minute = number();
                if (minute < 0 || minute >= 60 || !literal(':')) {
                    return null;
                }
                second = number();
                if (second < 0 || second >= 60) {
                    return null;
                }
                nanos = fraction();
                if (layout != Layout.DATE_SPACE_TIME) {
                    offset = zone();
                    if (offset == null) {
                        return null;
                    }
                }
            }
            if (at != text.length() || day < 1 || day > daysIn(month, year)) {
                return null;
            }
            return new GoTimestamp(year, month, day, hour, minute, second, nanos,
                    offset == null || offset == 0 ? null : offset);
        }

        private boolean separator(Layout layout) {
            return switch (layout) {
                case DATE_TIME_T -> literal('T');
                case DATE_TIME_LOWER_T -> literal('t');
                case DATE_SPACE_TIME -> spaces();
                case DATE -> true;
            };
        }

        private boolean literal(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        /** Go's layouts treat a run of spaces as one space. */
        private boolean spaces() {
            if (at >= text.length() || text.charAt(at) != ' ') {
                return false;
            }
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            return true;
        }

        /** Go's {@code getnum(value, false)}: one or two digits; -1 when there is none. */
        private int number() {
            if (!isDigit(text, at)) {
                return -1;
            }
            int value = text.charAt(at++) - '0';
            if (isDigit(text, at)) {
                value = value * 10 + text.charAt(at++) - '0';
            }
            return value;
        }

        /** An optional fraction after the seconds: '.' or ',' and any digits, of which nine count. */
        private int fraction() {
            if (at + 1 >= text.length() || text.charAt(at) != '.' && text.charAt(at) != ',' || !isDigit(text, at + 1)) {
                return 0;
            }
            at++;
            int start = at;
            while (isDigit(text, at)) {
                at++;
            }
            String digits = text.substring(start, Math.min(at, start + 9));
            return Integer.parseInt(digits + "0".repeat(9 - digits.length()));
        }

        /** {@code Z07:00}: 'Z' or a signed hh:mm offset; null when malformed. */
        private Integer zone() {
            if (literal('Z')) {
                return 0;
            }
            if (text.length() - at < 6 || text.charAt(at + 3) != ':') {
                return null;
            }
            char sign = text.charAt(at);
            if (!digits(text, at + 1, at + 3) || !digits(text, at + 4, at + 6) || sign != '+' && sign != '-') {
                return null;
            }
            int hours = Integer.parseInt(text.substring(at + 1, at + 3));
            int minutes = Integer.parseInt(text.substring(at + 4, at + 6));
            if (hours > 24 || minutes > 60) {
                return null;
            }
            at += 6;
            int offset = (hours * 60 + minutes) * 60;
            return sign == '-' ? -offset : offset;
        }

        private static int daysIn(int month, int year) {
            return switch (month) {
                case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }
    }
}
