package io.modelkit.core.pack;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.store.BlobWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a layer's bytes go while it is built: a temporary blob in a store, renamed into place on
 * {@link #commit}, or nowhere, when only the layer's digest is wanted ({@link Packer#plan}).
 * Closing without committing discards what was written.
 */
interface LayerSink extends AutoCloseable {

    OutputStream stream();

    void commit(Digest digest) throws IOException;

    @Override
    void close() throws IOException;

    /** A sink writing a temporary blob that {@link #commit} renames into the store. */
    static LayerSink blob(BlobWriter writer) {
        return new LayerSink() {
            @Override
            public OutputStream stream() {
                return writer;
            }

            @Override
            public void commit(Digest digest) throws IOException {
                writer.commit(digest);
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    /** A sink that keeps nothing: the layer is only hashed and counted. */
    static LayerSink discarding() {
        OutputStream nowhere = OutputStream.nullOutputStream();
        return new LayerSink() {
            @Override
            public OutputStream stream() {
                return nowhere;
            }

            @Override
            public void commit(Digest digest) {
                // nothing was kept
            }

            @Override
            public void close() {
                // nothing to discard
            }
        };
    }

    /** Opens one sink per layer. */
    @FunctionalInterface
    interface Factory {
        LayerSink open() throws IOException;
    }
}
