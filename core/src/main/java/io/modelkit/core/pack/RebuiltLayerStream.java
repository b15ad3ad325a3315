package io.modelkit.core.pack;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A layer's bytes produced again from the files, read as a stream: a thread of its own writes the
 * layer into a small ring of buffers that {@link #read} empties. Memory stays at the ring whatever
 * the layer size. The last buffer is held back until the digest is known: if the files no longer
 * give the digest the layer had when it was planned, the stream ends with an error naming the
 * layer instead of its last bytes. The thread starts at the first read, so a stream opened but
 * never read costs nothing.
 */
final class RebuiltLayerStream extends InputStream {
    private static final int BUFFERS = 2;
    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread producer;
    private volatile boolean closed;
    private Chunk current;
    private int position;

    /** Writes a layer into an output stream and returns what it wrote. */
    @FunctionalInterface
    interface LayerProducer {
        LayerResult writeTo(OutputStream out);
    }

    RebuiltLayerStream(String task, Digest expected, LayerProducer layer) {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[LayerWriter.BUFFER_SIZE]);
        }
        this.producer = new Thread(() -> produce(task, expected, layer), "modelkit-rebuild");
        producer.setDaemon(true);
    }

    private void produce(String task, Digest expected, LayerProducer layer) {
        Chunk last;
        try (RingWriter out = new RingWriter()) {
            LayerResult result = layer.writeTo(out);
            out.flushCurrent();
            if (result.digest().equals(expected)) {
                out.releaseHeld();
                last = END;
            } else {
                last = failure(new IOException(task + " changed since it was packed: it now has digest "
                        + result.digest() + ", the manifest says " + expected));
            }
        } catch (IOException e) {
            last = failure(e);
        } catch (RuntimeException e) {
            last = failure(new IOException(e.getMessage(), e));
        } catch (Error e) {
            // whatever stops the producer must reach the reader, or it would wait for bytes forever
            last = failure(new IOException(task + " could not be built again: " + e, e));
        }
        try {
            offer(last);
        } catch (IOException e) {
            // the reader has gone; nobody is waiting for the end
        }
    }

    private static Chunk failure(IOException e) {
        return new Chunk(new byte[0], 0, e);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (producer.getState() == Thread.State.NEW && !closed) {
            producer.start();
        }
        while (current == null || position == current.length()) {
            if (current == END) {
                return -1;
            }
            if (current != null) {
                free.offer(current.bytes());
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a rebuilt layer");
            }
            position = 0;
            if (current.error() != null) {
                IOException error = current.error();
                current = END;
                throw error;
            }
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Stops the producer if it is still writing. */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        full.clear();
    }

    private void offer(Chunk chunk) throws IOException {
        try {
            while (!full.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("the reader of the rebuilt layer has gone");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("rebuilding a layer was interrupted");
        }
    }

    /** The producer's side: fills free buffers and queues them for the reader, one behind. */
    private final class RingWriter extends OutputStream {
        private byte[] buffer;
        private int filled;
        private Chunk held;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (buffer == null) {
                    buffer = takeFree();
                    filled = 0;
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    flushCurrent();
                }
            }
        }

        /** Queues the full buffer, keeping it back until the next one is ready (or the digest is known). */
        void flushCurrent() throws IOException {
            if (buffer != null && filled > 0) {
                releaseHeld();
                held = new Chunk(buffer, filled, null);
                buffer = null;
            }
        }

        void releaseHeld() throws IOException {
            if (held != null) {
                offer(held);
                held = null;
            }
        }

        private byte[] takeFree() throws IOException {
            try {
                byte[] next;
                while ((next = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                    if (closed) {
                        throw new IOException("the reader of the rebuilt layer has gone");
                    }
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("rebuilding a layer was interrupted");
            }
        }
    }

    private record Chunk(byte[] bytes, int length, IOException error) {
    }
}
