package io.modelkit.core.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream with the header Go's {@code compress/gzip} writes: no name, no mtime, {@code XFL} 4
 * for the fastest level (0 otherwise) and OS 255 "unknown"; {@link java.util.zip.GZIPOutputStream}
 * would write OS 0. The deflate data itself comes from zlib, so the bytes after the header differ
 * from Go's; only the uncompressed content, and hence the diffId, is the same.
 */
final class GoGzipOutputStream extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int XFL_FASTEST = 4;
    private static final int OS_UNKNOWN = 0xFF;

    private final OutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private long uncompressedSize;
    private boolean finished;
    private boolean closed;

    GoGzipOutputStream(OutputStream out, int level) throws IOException {
        this.out = out;
        this.deflater = new Deflater(level, true);
        int xfl = level == Deflater.BEST_SPEED ? XFL_FASTEST : 0;
        out.write(new byte[] {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, (byte) xfl, (byte) OS_UNKNOWN});
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        crc.update(bytes, offset, length);
        uncompressedSize += length;
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            deflateInto(out);
        }
    }

    /** Ends the deflate stream and writes the trailer: CRC-32 and size modulo 2^32, little-endian. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflater.finish();
        while (!deflater.finished()) {
            deflateInto(out);
        }
        long crcValue = crc.getValue();
        out.write(new byte[] {
            (byte) crcValue, (byte) (crcValue >> 8), (byte) (crcValue >> 16), (byte) (crcValue >> 24),
            (byte) uncompressedSize, (byte) (uncompressedSize >> 8), (byte) (uncompressedSize >> 16),
            (byte) (uncompressedSize >> 24)});
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finish();
        } finally {
            deflater.end();
            out.close();
        }
    }

    private void deflateInto(OutputStream target) throws IOException {
        int length = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
        if (length > 0) {
            target.write(buffer, 0, length);
        }
    }
}
