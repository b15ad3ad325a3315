package io.modelkit.core.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Writes a tar stream byte for byte as Go's {@code archive/tar} writes kit's layers: the headers of
 * {@link TarHeaders}, file contents padded to 512 bytes, and exactly two zero blocks at the end (no
 * padding to a 10 KiB record).
 */
final class GoTarWriter {
    private final SinkBuffer out;

    GoTarWriter(OutputStream sink, int bufferSize) {
        this.out = new SinkBuffer(sink, bufferSize);
    }

    void writeDirectory(String name, int mode) throws IOException {
        out.put(TarHeaders.encode(name, TarHeaders.TYPE_DIRECTORY, mode, 0));
    }

    /** Writes the header and the content of a regular file, which must still be {@code size} bytes long. */
    void writeFile(String name, int mode, long size, Path file, LongConsumer progress) throws IOException {
        out.put(TarHeaders.encode(name, TarHeaders.TYPE_REGULAR, mode, size));
        out.putFile(file, size, progress);
        out.putZeros(TarHeaders.padding(size));
    }

    /** Writes the two zero blocks that end the archive and hands everything to the sink. */
    void finish() throws IOException {
        out.putZeros(2 * TarHeaders.BLOCK_SIZE);
        out.drain();
    }
}
