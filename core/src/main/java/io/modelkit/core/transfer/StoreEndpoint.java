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

    @Override
    public void putBlob(Descriptor blob, BlobSource source) {
        try (BlobWriter writer = store.layout().openBlobWriter(blob.digest()); InputStream in = source.open(0)) {
            byte[] buffer = new byte[COPY_BUFFER]; // transferTo's 8 KiB would cost a call per 8 KiB of weights
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                writer.write(buffer, 0, n);
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

    @Override
    public Descriptor putManifest(ManifestBytes manifest) {
        return store.save(manifest.bytes(), manifest.mediaType(), List.of(location));
    }
}
