package io.jenkins.plugins.modelkit.agent;

import io.modelkit.core.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Progress for a build log: a line when a task starts, then at most one line per task every
 * {@code interval} (with bytes, percent and rate), and a line when it ends. A build log is read
 * after the fact and kept for months; a line per megabyte would bury what matters.
 */
public final class BuildLogProgress implements ProgressListener {
    private static final String PREFIX = "[modelkit] ";

    private final PrintStream log;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();

    public BuildLogProgress(PrintStream log) {
        this(log, Duration.ofSeconds(15), System::nanoTime);
    }

    BuildLogProgress(PrintStream log, Duration interval, LongSupplier clock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    @Override
    public void warn(String message) {
        print("WARNING: " + message);
    }

    @Override
    public void info(String message) {
        print(message);
    }

    @Override
    public void started(String task, long totalBytes) {
        long now = clock.getAsLong();
        tasks.put(task, new Task(totalBytes, now));
        print(task + (totalBytes >= 0 ? " (" + bytes(totalBytes) + ")" : ""));
    }

    @Override
    public void advanced(String task, long bytes) {
        Task state = tasks.get(task);
        if (state == null) {
            return;
        }
        String line = null;
        synchronized (state) {
            state.done += bytes;
            long now = clock.getAsLong();
            if (now - state.lastLine >= intervalNanos) {
                state.lastLine = now;
                line = task + ": " + bytes(state.done) + (state.total > 0
                        ? String.format(Locale.ROOT, " of %s (%d%%)", bytes(state.total), state.done * 100 / state.total) : "")
                        + ", " + rate(state.done, now - state.started);
            }
        }
        if (line != null) {
            print(line);
        }
    }

    @Override
    public void finished(String task) {
        Task state = tasks.remove(task);
        if (state != null && state.done > 0) {
            print(task + ": done, " + bytes(state.done) + " in "
                    + seconds(clock.getAsLong() - state.started) + ", " + rate(state.done, clock.getAsLong() - state.started));
        }
    }

    private void print(String line) {
        synchronized (log) {
            log.println(PREFIX + line);
        }
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "-";
        }
        return bytes(Math.round(bytes / (nanos / 1e9))) + "/s";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static final class Task {
        final long total;
        final long started;
        long lastLine;
        long done;

        Task(long total, long started) {
            this.total = total;
            this.started = started;
            this.lastLine = started;
        }
    }
}
