package io.modelkit.core.transfer;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.registry.BlobSource;
import io.modelkit.core.store.BlobWriter;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.util.List;

/** The local store or an OCI layout, as one end of a copy. */
public final class StoreEndpoint implements Endpoint {
    private static final int COPY_BUFFER = 1 << 20;

    private final ModelKitStore store;
    private final Location location;

    public StoreEndpoint(ModelKitStore store, Location location) {
        this.store = store;
        this.location = location;
    }

    public ModelKitStore store() {
        return store;
    }

    public Location location() {
        return location;
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public ManifestBytes manifest() {
        Descriptor descriptor = store.resolve(location)
                .orElseThrow(() -> new ModelKitException("ModelKit " + location + " not found in " + store.layout().root()));
        String mediaType = descriptor.mediaType() == null || descriptor.mediaType().isEmpty()
                ? MediaTypes.OCI_MANIFEST : descriptor.mediaType();
        return new ManifestBytes(store.layout().readBlob(descriptor.digest()), mediaType);
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        OciLayout layout = store.layout();
        return layout.hasBlob(blob.digest()) && layout.blobSize(blob.digest()) == blob.size();
    }

    @Override
    public InputStream openBlob(Descriptor blob, long offset) throws IOException {
        FileChannel channel = FileChannel.open(store.layout().blobPath(blob.digest()), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    /**
     * Stores a blob as it arrives, resuming where an earlier, interrupted copy of the same blob
     * stopped (its bytes wait in the layout's ingest area), and reopening the source at the current
     * offset when it fails mid-stream, as a dropped connection does. The blob lands in place only
     * once every byte matches its digest.
     */
    @Override
    public void putBlob(Descriptor blob, BlobSource source) {
        try (BlobWriter writer = store.layout().openResumableBlobWriter(blob.digest())) {
            if (writer.size() > blob.size()) {
                writer.restart();
            }
            int failuresInARow = 0;
            while (writer.size() < blob.size()) {
                long before = writer.size();
                try {
                    copyFrom(source, writer, blob);
                } catch (SourceFailure failure) {
                    failuresInARow = writer.size() > before ? 1 : failuresInARow + 1;
                    if (failuresInARow > MAX_FAILURES_IN_A_ROW) {
                        throw new UncheckedIOException("cannot read blob " + blob.digest() + " for " + location
                                + " after " + MAX_FAILURES_IN_A_ROW + " attempts (" + writer.size() + " of " + blob.size()
                                + " bytes kept for the next attempt): " + failure.getMessage(), failure);
                    }
                    pause(failuresInARow);
                }
            }
            if (writer.size() != blob.size()) {
                throw new ModelKitException("blob " + blob.digest() + " for " + location + " has " + writer.size()
                        + " bytes, its descriptor says " + blob.size());
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + blob.digest() + " for " + location, e);
        }
    }

    private static final int MAX_FAILURES_IN_A_ROW = 5;

    /** Appends the source's bytes from the writer's size on; a failure to read is a {@link SourceFailure}. */
    private static void copyFrom(BlobSource source, BlobWriter writer, Descriptor blob) throws IOException {
        InputStream in;
        try {
            in = source.open(writer.size());
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
        try (in) {
            byte[] buffer = new byte[COPY_BUFFER]; // transferTo's 8 KiB would cost a call per 8 KiB of weights
            long remaining = blob.size() - writer.size();
            while (remaining > 0) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                } catch (IOException e) {
                    throw new SourceFailure(e);
                }
                if (n < 0) {
                    throw new SourceFailure(new IOException("the source ended " + remaining + " bytes early"));
                }
                writer.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }

    private static void pause(int failuresInARow) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(100L << Math.min(failuresInARow, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to resume a download");
        }
    }

    /** A failure to read the source, as opposed to one writing the store: only the first is worth a retry. */
    private static final class SourceFailure extends IOException {
        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public Descriptor putManifest(ManifestBytes manifest) {
        return store.save(manifest.bytes(), manifest.mediaType(), List.of(location));
    }
}
