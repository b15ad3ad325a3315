package io.modelkit.core.transfer;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.MediaTypes;
import io.modelkit.core.pack.PackPlan;
import java.io.IOException;
import java.io.InputStream;

/**
 * A planned pack as the source of a copy: its layers are built again from the files while they are
 * sent, so that {@code pack --push-only} keeps no copy of the model on disk. A resumed upload
 * builds the layer again and skips what the registry already holds.
 */
public final class PackSource implements ModelKitSource {
    private final PackPlan plan;

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
        InputStream stream = plan.openBlob(blob);
        try {
            stream.skipNBytes(offset);
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }
}
