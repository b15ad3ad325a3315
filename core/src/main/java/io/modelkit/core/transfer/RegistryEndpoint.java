package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.BlobSource;
import io.modelkit.core.registry.ManifestResponse;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.UploadMode;
import java.io.InputStream;

/** A repository in an OCI registry, as one end of a copy. */
public final class RegistryEndpoint implements Endpoint {
    private final RegistryClient client;
    private final Reference reference;

    public RegistryEndpoint(RegistryClient client, Reference reference) {
        this.client = client;
        this.reference = reference;
    }

    public RegistryClient client() {
        return client;
    }

    public Reference reference() {
        return reference;
    }

    @Override
    public String describe() {
        return reference.toString();
    }

    @Override
    public ManifestBytes manifest() {
        ManifestResponse response = client.getManifest(reference.repository(), reference.reference());
        return new ManifestBytes(response.bytes(), response.mediaType());
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        return client.headBlob(reference.repository(), blob.digest()).isPresent();
    }

    @Override
    public InputStream openBlob(Descriptor blob, long offset) {
        return client.getBlob(reference.repository(), blob.digest(), offset);
    }

    @Override
    public void putBlob(Descriptor blob, BlobSource source) {
        client.pushBlob(reference.repository(), blob.digest(), blob.size(), source);
    }

    /** Uploads a blob that another registry serves: one streamed PUT (see {@link RegistryClient#pushBlob}). */
    void putBlobFromRegistry(Descriptor blob, BlobSource source) {
        client.pushBlob(reference.repository(), blob.digest(), blob.size(), source, UploadMode.MONOLITHIC);
    }

    /** Mounts a blob from another repository of the same registry instead of copying it. */
    boolean mount(Descriptor blob, String fromRepository) {
        return client.mountBlob(reference.repository(), blob.digest(), fromRepository);
    }

    @Override
    public Descriptor putManifest(ManifestBytes manifest) {
        if (reference.isDigest()) {
            client.putManifest(reference.repository(), reference.digest().toString(), manifest.bytes(), manifest.mediaType());
        } else {
            for (String tag : reference.tags()) {
                client.putManifest(reference.repository(), tag, manifest.bytes(), manifest.mediaType());
            }
        }
        return manifest.descriptor();
    }
}
