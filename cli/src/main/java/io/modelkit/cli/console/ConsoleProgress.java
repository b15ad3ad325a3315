package io.modelkit.cli.console;

import io.modelkit.core.ProgressListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Shows the core's progress on stderr: on a terminal, one redrawn bar per running task with bytes,
 * rate and ETA; elsewhere (CI logs, pipes), a plain line per task every few seconds and when it ends,
 * so that logs stay readable.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean color;
    private final boolean quiet;
    private final LongSupplier clock;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private int drawnLines;
    private long lastDraw;

    public ConsoleProgress(PrintWriter err, boolean terminal, boolean color, boolean quiet, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.color = color;
        this.quiet = quiet;
        this.clock = clock;
    }

    public ConsoleProgress(PrintWriter err, boolean terminal, boolean color, boolean quiet) {
        this(err, terminal, color, quiet, System::nanoTime);
    }

    @Override
    public synchronized void warn(String message) {
        clearBars();
        err.println((color ? "\u001b[33mwarning:\u001b[0m " : "warning: ") + message);
        redraw(true);
    }

    @Override
    public synchronized void info(String message) {
        if (quiet) {
            return;
        }
        clearBars();
        err.println(message);
        redraw(true);
    }

    @Override
    public synchronized void started(String task, long totalBytes) {
        long now = clock.getAsLong();
        tasks.put(task, new Task(task, totalBytes, now));
        redraw(true);
    }

    @Override
    public synchronized void advanced(String task, long bytes) {
        Task t = tasks.get(task);
        if (t == null) {
            return;
        }
        t.done += bytes;
        long now = clock.getAsLong();
        if (terminal) {
            redraw(false);
        } else if (!quiet && now - t.lastPrinted >= PLAIN_INTERVAL_NANOS) {
            t.lastPrinted = now;
            err.println(t.describe(now));
            err.flush();
        }
    }

    @Override
    public synchronized void finished(String task) {
        Task t = tasks.remove(task);
        if (t == null) {
            return;
        }
        clearBars();
        if (!quiet && (t.total <= 0 || t.done >= t.total)) {
            long elapsed = clock.getAsLong() - t.start;
            err.println(t.name + ": " + ByteFormat.size(t.done) + " in " + String.format(java.util.Locale.ROOT, "%.1fs",
                    elapsed / 1e9) + " (" + ByteFormat.rate(t.done, elapsed) + ")");
        }
        redraw(true);
    }

    private void redraw(boolean force) {
        if (!terminal || quiet) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        clearBars();
        for (Task t : tasks.values()) {
            err.println(t.bar(now));
        }
        drawnLines = tasks.size();
        err.flush();
    }

    /** Moves the cursor up over the bars drawn last and erases them. */
    private void clearBars() {
        if (terminal && drawnLines > 0) {
            err.print("\u001b[" + drawnLines + "F\u001b[J");
            drawnLines = 0;
        }
    }

    private static final class Task {
        final String name;
        final long total;
        final long start;
        long done;
        long lastPrinted;

        Task(String name, long total, long start) {
            this.name = name;
            this.total = total;
            this.start = start;
            this.lastPrinted = start;
        }

        String describe(long now) {
            long elapsed = now - start;
            StringBuilder line = new StringBuilder(name).append(": ").append(ByteFormat.size(done));
            if (total > 0) {
                line.append(" / ").append(ByteFormat.size(total))
                        .append(String.format(java.util.Locale.ROOT, " (%d%%)", done * 100 / total));
            }
            line.append(", ").append(ByteFormat.rate(done, elapsed));
            if (total > 0 && done > 0 && done < total) {
                long etaSeconds = (long) ((double) (total - done) * elapsed / done / 1e9);
                line.append(", ETA ").append(ByteFormat.duration(etaSeconds));
            }
            return line.toString();
        }

        String bar(long now) {
            int filled = total > 0 ? (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total) : 0;
            return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + describe(now);
        }
    }
}
