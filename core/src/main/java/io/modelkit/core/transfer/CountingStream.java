package io.modelkit.core.transfer;

import io.modelkit.core.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read from a blob to the progress listener, in steps of about 8 MiB. */
final class CountingStream extends FilterInputStream {
    private static final long STEP = 8L << 20;

    private final ProgressListener listener;
    private final String task;
    private long pending;

    CountingStream(InputStream in, ProgressListener listener, String task) {
        super(in);
        this.listener = listener;
        this.task = task;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (pending > 0) {
            listener.advanced(task, pending);
            pending = 0;
        }
        super.close();
    }

    private void count(long n) {
        pending += n;
        if (pending >= STEP) {
            listener.advanced(task, pending);
            pending = 0;
        }
    }
}
