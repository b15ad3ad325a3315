package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.pack.PackPlan;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A planned pack as the source of a copy: its layers are built again from the files while they are
 * sent, so that {@code pack --push-only} keeps no copy of the model on disk. An upload in chunks
 * asks for each chunk at the offset where the last one ended: it goes on reading the same rebuilt
 * stream instead of building the layer again from its start. A resumed upload at any other offset
 * builds the layer again and skips what the registry already holds. Close it when the copy is done.
 */
public final class PackSource implements ModelKitSource, AutoCloseable {
    private final PackPlan plan;
    private final Map<Digest, Cursor> open = new HashMap<>();

    public PackSource(PackPlan plan) {
        this.plan = plan;
    }

    @Override
    public String describe() {
        return plan.contextDir().toString();
    }

    @Override
    public ManifestBytes manifest() {
        return new ManifestBytes(plan.manifest().bytes(), plan.manifest().mediaType().orElse(MediaTypes.OCI_MANIFEST));
    }

    @Override
    public InputStream openBlob(Descriptor blob, long offset) throws IOException {
        Cursor cursor;
        synchronized (open) {
            cursor = open.remove(blob.digest());
        }
        if (cursor != null && cursor.position != offset) {
            cursor.stream.close();
            cursor = null;
        }
        if (cursor == null) {
            InputStream stream = plan.openBlob(blob);
            try {
                stream.skipNBytes(offset);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
            cursor = new Cursor(stream, offset);
        }
        return new View(blob, cursor);
    }

    /** Stops every rebuilt layer still open (a copy that failed half-way leaves some). */
    @Override
    public void close() throws IOException {
        synchronized (open) {
            for (Cursor cursor : open.values()) {
                cursor.stream.close();
            }
            open.clear();
        }
    }

    /** A rebuilt stream and how far it has been read. */
    private static final class Cursor {
        final InputStream stream;
        long position;

        Cursor(InputStream stream, long position) {
            this.stream = stream;
            this.position = position;
        }
    }

    /** What one request reads; closing it parks the stream for the next chunk instead of stopping it. */
    private final class View extends FilterInputStream {
        private final Descriptor blob;
        private final Cursor cursor;
        private boolean closed;

        View(Descriptor blob, Cursor cursor) {
            super(cursor.stream);
            this.blob = blob;
            this.cursor = cursor;
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
                cursor.position += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (cursor.position >= blob.size()) {
                cursor.stream.close();
                return;
            }
            synchronized (open) {
                Cursor previous = open.put(blob.digest(), cursor);
                if (previous != null && previous != cursor) {
                    previous.stream.close();
                }
            }
        }
    }
}
