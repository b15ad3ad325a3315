package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Streams a layer into an output stream in one pass: files are read once into a 1 MiB buffer, which
 * is hashed for the diffId, compressed, hashed again for the digest and written. Memory stays flat
 * whatever the layer size. The output stream is flushed but not closed.
 *
 * <p>Progress goes to the listener as {@code started(task, bytes of file content)}, then
 * {@code advanced} in steps of about 8 MiB, then {@code finished(task)}, also after a failure.
 */
public final class LayerWriter {
    static final int BUFFER_SIZE = 1 << 20;
    /** Buffers in flight between reading, hashing and writing an uncompressed layer. */
    static final int PIPELINE_BUFFERS = 4;

    private LayerWriter() {
    }

    /**
     * Writes a tar layer of {@code entries}, in their order, as kit writes it.
     *
     * @param contextDir the context directory, against which relative entry files are resolved
     * @param entries the entries, usually from {@link LayerContents#collect}
     * @param compression how the tar is compressed
     * @param out where the stored bytes go
     * @param listener receives progress
     * @param task the progress task name, such as {@code model layer models/}
     * @throws ModelKitException naming the file that cannot be read or changed size, or the failed task
     */
    public static LayerResult writeTarLayer(Path contextDir, List<TarEntrySource> entries, Compression compression,
            OutputStream out, ProgressListener listener, String task) {
        return writeTarLayer(contextDir, entries, compression, out, listener, task, true);
    }

    /**
     * As {@link #writeTarLayer(Path, List, Compression, OutputStream, ProgressListener, String)};
     * {@code pipelined} false hashes on the caller's thread, without the pipeline's threads and
     * buffers: for a layer built again while a slower consumer (an upload) sets the pace.
     */
    static LayerResult writeTarLayer(Path contextDir, List<TarEntrySource> entries, Compression compression,
            OutputStream out, ProgressListener listener, String task, boolean pipelined) {
        long contentBytes = entries.stream().filter(entry -> !entry.directory()).mapToLong(TarEntrySource::size).sum();
        return write(compression, pipelined, out, listener, task, contentBytes, (sink, progress) -> {
            GoTarWriter tar = new GoTarWriter(sink, BUFFER_SIZE);
            for (TarEntrySource entry : entries) {
                if (entry.directory()) {
                    tar.writeDirectory(entry.name(), entry.mode());
                } else {
                    tar.writeFile(entry.name(), entry.mode(), entry.size(), contextDir.resolve(entry.file()), progress);
                }
            }
            tar.finish();
        });
    }

    /**
     * Writes a raw layer: the file's bytes as they are, such as an MCP bundle.
     *
     * @throws ModelKitException naming the file that cannot be read or changed size, or the failed task
     */
    public static LayerResult writeRawLayer(Path file, Compression compression, OutputStream out,
            ProgressListener listener, String task) {
        return writeRawLayer(file, compression, out, listener, task, true);
    }

    static LayerResult writeRawLayer(Path file, Compression compression, OutputStream out, ProgressListener listener,
            String task, boolean pipelined) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelKitException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return write(compression, pipelined, out, listener, task, size, (sink, progress) -> {
            SinkBuffer buffer = new SinkBuffer(sink, BUFFER_SIZE);
            buffer.putFile(file, size, progress);
            buffer.drain();
        });
    }

    /** Produces the uncompressed layer bytes into a sink. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream sink, LongConsumer progress) throws IOException;
    }

    private static LayerResult write(Compression compression, boolean pipelined, OutputStream out,
            ProgressListener listener, String task, long contentBytes, Content content) {
        listener.started(task, contentBytes);
        ProgressMeter progress = new ProgressMeter(listener, task);
        OutputStream compressor = null;
        try {
            if (compression == Compression.NONE && pipelined) {
                try (HashingPipeline stored = new HashingPipeline(out, PIPELINE_BUFFERS, BUFFER_SIZE)) {
                    content.writeTo(stored, progress);
                    Digest digest = stored.finish();
                    return new LayerResult(digest, digest, stored.count());
                }
            }
            if (compression == Compression.NONE) {
                DigestingOutputStream stored = new DigestingOutputStream(out);
                content.writeTo(stored, progress);
                stored.flush();
                return new LayerResult(stored.digest(), stored.digest(), stored.count());
            }
            DigestingOutputStream stored = new DigestingOutputStream(out);
            compressor = compression.compressor(stored);
            DigestingOutputStream uncompressed = new DigestingOutputStream(compressor);
            content.writeTo(uncompressed, progress);
            OutputStream finishing = compressor;
            compressor = null;
            finishing.close(); // ends the compressed stream; closing `stored` only flushes `out`
            return new LayerResult(stored.digest(), uncompressed.digest(), stored.count());
        } catch (IOException e) {
            throw new ModelKitException("cannot write " + task + ": " + e.getMessage(), e);
        } finally {
            if (compressor != null) {
                releaseAfterFailure(compressor);
            }
            progress.flush();
            listener.finished(task);
        }
    }

    /** Frees the compressor's native state; the output is being abandoned, so errors do not matter. */
    private static void releaseAfterFailure(OutputStream compressor) {
        try {
            compressor.close();
        } catch (IOException | RuntimeException ignored) {
            // the original failure is the one to report
        }
    }
}
