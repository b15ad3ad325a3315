package io.modelkit.core.pack;

import io.modelkit.core.ProgressListener;
import java.util.function.LongConsumer;

/** Reports progress in steps of 8 MiB, so listeners are not called for every buffer. */
final class ProgressMeter implements LongConsumer {
    private static final long STEP = 8L << 20;

    private final ProgressListener listener;
    private final String task;
    private long pending;

    ProgressMeter(ProgressListener listener, String task) {
        this.listener = listener;
        this.task = task;
    }

    @Override
    public void accept(long bytes) {
        pending += bytes;
        if (pending >= STEP) {
            listener.advanced(task, pending);
            pending = 0;
        }
    }

    /** Reports what is left below one step. */
    void flush() {
        if (pending > 0) {
            listener.advanced(task, pending);
            pending = 0;
        }
    }
}
