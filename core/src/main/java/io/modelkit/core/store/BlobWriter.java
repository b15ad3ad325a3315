package io.modelkit.core.store;

import io.modelkit.core.InFlightWrites;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Streams one blob into a layout. Bytes go to a temporary file under the layout's {@code ingest/}
 * directory, never under {@code blobs/}, and are hashed on the way; {@link #commit()} renames the
 * file to {@code blobs/sha256/<hex>} in one atomic step. Closing without committing, or a digest
 * mismatch, deletes the temporary file, so an interrupted writer never leaves a partial blob.
 *
 * <p>A <em>resumable</em> writer ({@link OciLayout#openResumableBlobWriter}) is for downloads: its
 * temporary file is named after the expected digest and is kept when the writer is closed without
 * a commit, so that the next download of that blob starts where this one stopped
 * ({@link #size()} bytes are already there). A digest mismatch still deletes it.
 * Not thread-safe: one writer per thread.
 */
public final class BlobWriter extends OutputStream {
    private final OciLayout layout;
    private final Digest expected;
    private final Path tempFile;
    private final FileChannel channel;
    private final FileLock busyLock;
    private final OutputStream out;
    private final MessageDigest sha256;
    private final boolean keepOnClose;
    private long size;
    private boolean finished;

    BlobWriter(OciLayout layout, Digest expected, boolean hashing) throws IOException {
        this.layout = layout;
        this.expected = expected;
        this.sha256 = hashing ? Digest.newSha256() : null;
        this.keepOnClose = false;
        this.tempFile = layout.newTempFile("blob-");
        try {
            this.channel = FileChannel.open(tempFile, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(tempFile);
            InFlightWrites.forget(tempFile);
            throw e;
        }
        this.busyLock = tryLock(channel);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** A resumable writer on {@code partialFile}, locked by this writer, holding {@code size} bytes hashed. */
    private BlobWriter(OciLayout layout, Digest expected, Path partialFile, FileChannel channel, FileLock lock,
            MessageDigest sha256, long size) {
        this.layout = layout;
        this.expected = expected;
        this.sha256 = sha256;
        this.keepOnClose = true;
        this.tempFile = partialFile;
        this.channel = channel;
        this.busyLock = lock;
        this.size = size;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /**
     * Opens or continues the partial download of {@code expected} at {@code partialFile}; the bytes
     * already there are hashed again, since only the digest at the end proves them. Empty if another
     * writer, in this process or another, holds the file.
     */
    static java.util.Optional<BlobWriter> resume(OciLayout layout, Digest expected, Path partialFile) throws IOException {
        FileChannel channel = FileChannel.open(partialFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return java.util.Optional.empty();
            }
            MessageDigest sha256 = Digest.newSha256();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 20);
            long size = 0;
            channel.position(0);
            for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
                buffer.flip();
                sha256.update(buffer);
                buffer.clear();
                size += n;
            }
            channel.position(size);
            return java.util.Optional.of(new BlobWriter(layout, expected, partialFile, channel, lock, sha256, size));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Throws away what a resumable writer holds, so that it starts again at byte 0. */
    public void restart() throws IOException {
        ensureOpen();
        out.flush();
        channel.truncate(0);
        channel.position(0);
        size = 0;
        if (sha256 != null) {
            sha256.reset();
        }
    }

    // The lock tells gc in other processes that this temporary file is alive; without it (a file
    // system that has no locks) gc falls back to the file's age.
    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        out.write(b);
        if (sha256 != null) {
            sha256.update((byte) b);
        }
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        out.write(bytes, offset, length);
        if (sha256 != null) {
            sha256.update(bytes, offset, length);
        }
        size += length;
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        out.flush();
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /** The temporary file being written, for diagnostics. */
    public Path tempFile() {
        return tempFile;
    }

    /**
     * Makes the blob durable and visible under its digest. If the layout already holds it, the
     * existing file is kept. A mismatch with the expected digest stores nothing and throws an
     * exception naming both digests.
     */
    public StoredBlob commit() throws IOException {
        if (sha256 == null) {
            throw new IllegalStateException("a writer opened without hashing is committed with commit(Digest)");
        }
        return commit(null);
    }

    /**
     * Commits a blob whose digest the caller computed over the very bytes it wrote, as the pack's
     * layer writer does: hashing them a second time here would halve the pack rate.
     */
    public StoredBlob commit(Digest computedByCaller) throws IOException {
        ensureOpen();
        finished = true;
        Digest actual;
        try {
            out.flush();
            // No fsync: forcing gigabytes of weights to disk would make the disk, not the hash, set
            // the pack rate. A blob damaged by a power cut is caught, since every read is verified.
            actual = sha256 != null ? Digest.of(sha256.digest()) : computedByCaller;
            closeChannel();
            if (expected != null && !expected.equals(actual)) {
                Files.deleteIfExists(tempFile); // also a resumable one: its bytes are wrong
                throw new ModelKitException("blob written to " + layout.root() + " does not match its digest: expected "
                        + expected + ", got " + actual + " (" + size + " bytes); nothing was stored");
            }
            layout.moveIntoPlace(tempFile, actual, size);
        } finally {
            closeChannel();
            Files.deleteIfExists(tempFile);
            InFlightWrites.forget(tempFile);
        }
        return new StoredBlob(actual, size);
    }

    /**
     * Discards the blob unless it was committed; a resumable writer keeps what it wrote for the
     * next download of the same blob.
     */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (keepOnClose) {
            try {
                out.flush();
            } finally {
                closeChannel();
            }
            return;
        }
        try {
            closeChannel();
        } finally {
            Files.deleteIfExists(tempFile);
            InFlightWrites.forget(tempFile);
        }
    }

    private void closeChannel() throws IOException {
        if (channel.isOpen()) {
            if (busyLock != null && busyLock.isValid()) {
                busyLock.release();
            }
            channel.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("blob writer for " + tempFile + " is already committed or closed");
        }
    }
}
