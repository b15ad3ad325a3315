package io.modelkit.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read through it to a {@link ProgressListener}, in steps of at least 1 MiB. */
public final class ProgressInputStream extends FilterInputStream {
    private static final long STEP = 1 << 20;

    private final ProgressListener listener;
    private final String task;
    private long unreported;

    public ProgressInputStream(InputStream in, ProgressListener listener, String task) {
        super(in);
        this.listener = listener;
        this.task = task;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            unreported += n;
            if (unreported >= STEP) {
                flush();
            }
        } else if (n < 0) {
            flush();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        unreported += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        flush();
        super.close();
    }

    private void flush() {
        if (unreported > 0) {
            listener.advanced(task, unreported);
            unreported = 0;
        }
    }
}
