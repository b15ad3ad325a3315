package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * One large buffer in front of a sink. File contents are read straight into it and headers are
 * composed in it, so the sink (hashing, compressing, writing) sees few large writes and no byte is
 * copied more than needed. Memory use is the buffer, whatever the file sizes.
 */
final class SinkBuffer {
    private final OutputStream sink;
    private byte[] buffer;
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private int position;

    SinkBuffer(OutputStream sink, int capacity) {
        this.sink = sink;
        this.buffer = new byte[capacity];
    }

    void put(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            if (position == buffer.length) {
                drain();
            }
            int chunk = Math.min(bytes.length - offset, buffer.length - position);
            System.arraycopy(bytes, offset, buffer, position, chunk);
            position += chunk;
            offset += chunk;
        }
    }

    void putZeros(int count) throws IOException {
        int remaining = count;
        while (remaining > 0) {
            if (position == buffer.length) {
                drain();
            }
            int chunk = Math.min(remaining, buffer.length - position);
            Arrays.fill(buffer, position, position + chunk, (byte) 0);
            position += chunk;
            remaining -= chunk;
        }
    }

    /**
     * Appends exactly {@code size} bytes of {@code file}, the size it had when it was listed.
     *
     * @throws ModelKitException naming the file if it cannot be read or its size changed meanwhile
     * @throws IOException if the sink fails
     */
    void putFile(Path file, long size, LongConsumer progress) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ModelKitException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try (channel) {
            long remaining = size;
            while (remaining > 0) {
                if (position == buffer.length) {
                    drain();
                }
                int wanted = (int) Math.min(remaining, buffer.length - position);
                int read = read(channel, ByteBuffer.wrap(buffer, position, wanted), file);
                if (read < 0) {
                    throw new ModelKitException("file " + file + " changed while being packed: it had " + size
                            + " bytes but only " + (size - remaining) + " could be read");
                }
                position += read;
                remaining -= read;
                progress.accept(read);
            }
            probe.clear();
            if (read(channel, probe, file) > 0) {
                throw new ModelKitException("file " + file + " changed while being packed: it grew beyond its "
                        + size + " bytes");
            }
        }
    }

    /** Hands everything buffered to the sink. */
    void drain() throws IOException {
        if (position > 0) {
            if (sink instanceof HashingPipeline pipeline) {
                buffer = pipeline.swap(buffer, position); // hands the bytes over without copying them
            } else {
                sink.write(buffer, 0, position);
            }
            position = 0;
        }
    }

    private static int read(FileChannel channel, ByteBuffer target, Path file) {
        try {
            return channel.read(target);
        } catch (IOException e) {
            throw new ModelKitException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
