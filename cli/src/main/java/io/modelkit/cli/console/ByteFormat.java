package io.modelkit.cli.console;

import java.util.Locale;

/** Human-readable sizes, rates and durations for progress lines and tables. */
public final class ByteFormat {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteFormat() {
    }

    /** {@code 1536} becomes {@code 1.5 KiB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Bytes per second as MB/s or GB/s (decimal units, as disk and network rates are quoted). */
    public static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "-";
        }
        double perSecond = bytes * 1e9 / nanos;
        if (perSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB/s", perSecond / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
    }

    /** Seconds as {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
