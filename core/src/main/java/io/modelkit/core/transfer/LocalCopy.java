package io.modelkit.core.transfer;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a ModelKit between two stores on this machine (the local store, OCI layouts): blobs the
 * target lacks are streamed across and verified against their digests, then the manifest is named
 * in the target. Within one layout only the name is added.
 */
public final class LocalCopy {
    private LocalCopy() {
    }

    /** Copies {@code manifest} from {@code source} to {@code target} and names it after each target location. */
    public static Descriptor copy(Manifest manifest, ModelKitStore source, ModelKitStore target,
            Collection<? extends Location> names, ProgressListener listener) {
        OciLayout from = source.layout();
        OciLayout to = target.layout();
        if (!from.root().equals(to.root())) {
            for (Descriptor blob : blobs(manifest)) {
                if (!to.hasBlob(blob.digest())) {
                    copyBlob(from, to, blob, listener);
                }
            }
        }
        return target.save(manifest, names);
    }

    private static List<Descriptor> blobs(Manifest manifest) {
        Set<Descriptor> unique = new LinkedHashSet<>();
        unique.add(manifest.config());
        unique.addAll(manifest.layers());
        return new ArrayList<>(unique);
    }

    private static void copyBlob(OciLayout from, OciLayout to, Descriptor blob, ProgressListener listener) {
        String task = "copy " + blob.digest().hex().substring(0, 12);
        listener.started(task, blob.size());
        try (InputStream in = from.openBlob(blob.digest())) {
            to.putBlob(in, blob.digest());
            listener.advanced(task, blob.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy blob " + blob.digest() + " from " + from.root() + " to " + to.root(), e);
        } finally {
            listener.finished(task);
        }
    }
}
