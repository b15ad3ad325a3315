package io.modelkit.core.pack;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream that hashes and writes on two threads of its own, so that reading a model file,
 * hashing it and writing the blob overlap instead of taking turns. SHA-256 is the slowest of the
 * three; with the other two moved off its core, one layer packs at nearly the hash rate. Bytes
 * pass through a small ring of buffers: memory stays at {@code buffers x bufferSize}.
 *
 * <p>{@link #finish()} waits for every byte to be written and returns the digest; {@link #close()}
 * without {@code finish()} abandons the stream and stops the threads.
 */
public final class HashingPipeline extends OutputStream {
    private static final Chunk END = new Chunk(new byte[0], 0);

    private final OutputStream target;
    private final int bufferSize;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> toHash;
    private final BlockingQueue<Chunk> toWrite;
    private final MessageDigest sha256 = Digest.newSha256();
    private final Thread hasher;
    private final Thread writer;
    private volatile IOException failure;
    private volatile boolean abandoned;
    private byte[] current;
    private int position;
    private long count;
    private boolean finished;

    public HashingPipeline(OutputStream target, int buffers, int bufferSize) {
        this.target = target;
        this.bufferSize = bufferSize;
        // room for buffers that writers hand in through swap() besides the ring's own
        this.free = new ArrayBlockingQueue<>(buffers + 2);
        this.toHash = new ArrayBlockingQueue<>(buffers + 1);
        this.toWrite = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
        this.hasher = start("modelkit-hash", this::hash);
        this.writer = start("modelkit-write", this::write);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            checkFailure();
            if (current == null) {
                current = take(free);
                position = 0;
            }
            int chunk = Math.min(length - done, bufferSize - position);
            System.arraycopy(bytes, offset + done, current, position, chunk);
            position += chunk;
            done += chunk;
            if (position == bufferSize) {
                handOver();
            }
        }
        count += length;
    }

    /**
     * Takes a full buffer of {@code bufferSize} bytes as it is, without copying it, and gives back an
     * empty one: the tar writer fills the pipeline's buffers directly.
     */
    byte[] swap(byte[] full, int length) throws IOException {
        if (full.length != bufferSize || current != null) {
            write(full, 0, length);
            return full;
        }
        checkFailure();
        put(toHash, new Chunk(full, length));
        count += length;
        return take(free);
    }

    int bufferSize() {
        return bufferSize;
    }

    /** Waits until every byte is hashed and written to the target, and returns their digest. */
    public Digest finish() throws IOException {
        if (current != null && position > 0) {
            handOver();
        }
        put(toHash, END);
        join(hasher);
        join(writer);
        finished = true;
        checkFailure();
        target.flush();
        return Digest.of(sha256.digest());
    }

    public long count() {
        return count;
    }

    /** Stops the threads; after {@link #finish()} this does nothing. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        abandoned = true;
        hasher.interrupt();
        writer.interrupt();
        try {
            hasher.join();
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver() throws IOException {
        put(toHash, new Chunk(current, position));
        current = null;
        position = 0;
    }

    private void hash() throws InterruptedException {
        while (true) {
            Chunk chunk = toHash.take();
            if (chunk != END) {
                sha256.update(chunk.bytes(), 0, chunk.length());
            }
            toWrite.put(chunk);
            if (chunk == END) {
                return;
            }
        }
    }

    private void write() throws InterruptedException {
        while (true) {
            Chunk chunk = toWrite.take();
            if (chunk == END) {
                return;
            }
            if (failure == null) {
                try {
                    target.write(chunk.bytes(), 0, chunk.length());
                } catch (IOException e) {
                    failure = e; // reported to the producer at its next write; the ring keeps turning
                }
            }
            free.put(chunk.bytes());
        }
    }

    private Thread start(String name, InterruptibleTask task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (InterruptedException e) {
                if (!abandoned) {
                    failure = new InterruptedIOException("interrupted");
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void checkFailure() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw e;
        }
    }

    private <T> T take(BlockingQueue<T> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while packing");
        }
    }

    private <T> void put(BlockingQueue<T> queue, T value) throws IOException {
        try {
            queue.put(value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while packing");
        }
    }

    private static void join(Thread thread) throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while packing");
        }
    }

    @FunctionalInterface
    private interface InterruptibleTask {
        void run() throws InterruptedException;
    }

    private record Chunk(byte[] bytes, int length) {
    }
}
