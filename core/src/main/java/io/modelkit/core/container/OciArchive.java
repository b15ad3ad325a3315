package io.modelkit.core.container;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.ImageIndex;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.store.OciLayout;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The image tar jib writes in OCI format: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/…}) packed in one tar, which skopeo reads as {@code oci-archive:}. Read by
 * streaming, entry by entry; only the index and the manifest are held in memory.
 */
final class OciArchive {
    private static final String BLOB_PREFIX = "blobs/sha256/";
    private static final int MAX_JSON = 4 << 20;

    private final Path file;

    OciArchive(Path file) {
        this.file = file;
    }

    /** The descriptor of the one image in the archive, and its manifest bytes. */
    record Image(Descriptor descriptor, byte[] manifest) {
    }

    /** The image the archive's index names. */
    Image image() {
        Descriptor descriptor = manifestDescriptor(scan((name, in) -> { }));
        return new Image(descriptor, readBlob(descriptor.digest()));
    }

    /**
     * Copies every blob into {@code target}'s layout (each checked against the digest its name
     * states), then adds the manifest under the target's tag, so the tag never names an image
     * whose blobs are not all there.
     */
    Descriptor copyTo(LayoutReference target) {
        LayoutStore store = LayoutStore.open(target.path());
        OciLayout layout = store.layout();
        byte[] index = scan((name, in) -> {
            if (name.startsWith(BLOB_PREFIX)) {
                layout.putBlob(in, new Digest("sha256", name.substring(BLOB_PREFIX.length())));
            }
        });
        Descriptor descriptor = manifestDescriptor(index);
        return store.save(layout.readBlob(descriptor.digest()), descriptor.mediaType(), List.of(target));
    }

    /** Passes each blob entry to {@code blobs} and returns the bytes of {@code index.json}. */
    private byte[] scan(BiConsumer<String, InputStream> blobs) {
        byte[] index = null;
        try (TarArchiveInputStream tar = open()) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (!entry.isFile()) {
                    continue;
                }
                if (name.equals(OciLayout.INDEX_FILE)) {
                    index = readSmall(tar, entry, name);
                } else {
                    blobs.accept(name, tar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image archive " + file, e);
        }
        if (index == null) {
            throw new ModelKitException("the image archive " + file + " has no " + OciLayout.INDEX_FILE);
        }
        return index;
    }

    private byte[] readBlob(Digest digest) {
        String wanted = BLOB_PREFIX + digest.hex();
        try (TarArchiveInputStream tar = open()) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (name.equals(wanted)) {
                    byte[] bytes = readSmall(tar, entry, name);
                    if (!Digest.sha256(bytes).equals(digest)) {
                        throw new ModelKitException("the image archive " + file + ": " + name + " does not match its digest");
                    }
                    return bytes;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image archive " + file, e);
        }
        throw new ModelKitException("the image archive " + file + " lacks the manifest " + digest);
    }

    private Descriptor manifestDescriptor(byte[] index) {
        List<Descriptor> manifests = ImageIndex.parse(index, file + ": " + OciLayout.INDEX_FILE).manifests();
        if (manifests.size() != 1) {
            throw new ModelKitException("the image archive " + file + " holds " + manifests.size() + " images, expected one");
        }
        return manifests.get(0);
    }

    private TarArchiveInputStream open() throws IOException {
        return new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private byte[] readSmall(InputStream in, TarArchiveEntry entry, String name) throws IOException {
        if (entry.getSize() > MAX_JSON) {
            throw new ModelKitException("the image archive " + file + ": " + name + " is " + entry.getSize()
                    + " bytes, more than an index or manifest can be");
        }
        return in.readAllBytes();
    }
}
