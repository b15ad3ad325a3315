package io.modelkit.core.unpack;

import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.KitfileYaml;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.transfer.ModelKitSource;
import io.modelkit.core.transfer.StoreEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Unpacks a stored ModelKit into a directory, as {@code kit unpack} does: the selected layers, each
 * verified against its digest before its files are put in place, then the Kitfile.
 */
public final class Unpacker {
    private final UnpackRequest request;
    private final ModelKitSource source;

    private Unpacker(UnpackRequest request, ModelKitSource source) {
        this.request = request;
        this.source = source;
    }

    /** Unpacks as {@code request} says from {@code store}. */
    public static UnpackResult unpack(UnpackRequest request, ModelKitStore store) {
        return new Unpacker(request, new StoreEndpoint(store, request.source())).unpack();
    }

    /**
     * Unpacks as {@code request} says from a store or a registry; only the layers the filters select
     * are read, so an unpack from a registry fetches nothing else.
     */
    public static UnpackResult unpack(UnpackRequest request, ModelKitSource source) {
        return new Unpacker(request, source).unpack();
    }

    private UnpackResult unpack() {
        ModelKitContents kit = ModelKitReader.read(source);
        Path target = prepareTarget(request.targetDir());
        ProgressListener listener = request.listener();
        int layers = 0;
        int files = 0;
        int skipped = 0;
        long bytes = 0;
        for (BoundLayer layer : kit.layers()) {
            LayerEntry entry = layer.entry();
            if (!selects(entry)) {
                continue;
            }
            ExtractOptions.Builder options = ExtractOptions.builder()
                    .overwrite(request.overwrite())
                    .ignoreExisting(request.ignoreExisting());
            if (layer.legacy()) {
                options.legacyLayerPath(entry.path());
            }
            Descriptor descriptor = layer.descriptor();
            LayerSource layerSource = new LayerSource(descriptor.mediaType(), descriptor.digest(), descriptor.size(),
                    descriptor.annotations());
            // LayerExtractor verifies the digest while extracting; the source need not hash the blob too
            try (InputStream blob = source.openBlob(descriptor, 0)) {
                ExtractResult result = LayerExtractor.extract(blob, layerSource, target, options.build(), listener);
                layers++;
                files += result.filesWritten();
                skipped += result.filesSkipped();
                bytes += result.bytesWritten();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read layer " + descriptor.digest() + " of " + request.source(), e);
            }
        }
        boolean kitfileWritten = selectsKitfile() && writeKitfile(kit, target);
        return new UnpackResult(kit.manifest().digest(), target, layers, files, skipped, bytes, kitfileWritten);
    }

    private boolean selects(LayerEntry entry) {
        List<UnpackFilter> filters = request.filters();
        return filters.isEmpty() || filters.stream().anyMatch(f -> f.selects(entry.kind(), entry.name(), entry.path()));
    }

    private boolean selectsKitfile() {
        List<UnpackFilter> filters = request.filters();
        return filters.isEmpty() || filters.stream().anyMatch(UnpackFilter::selectsKitfile);
    }

    /** Writes the Kitfile (without digests) under a temporary name, then renames it into place. */
    private boolean writeKitfile(ModelKitContents kit, Path target) {
        Path kitfile = target.resolve("Kitfile");
        if (Files.exists(kitfile, LinkOption.NOFOLLOW_LINKS)) {
            if (request.ignoreExisting()) {
                return false;
            }
            if (!request.overwrite()) {
                throw new ModelKitException(kitfile + " already exists; use --overwrite to replace it or --ignore-existing to keep it");
            }
            if (Files.isSymbolicLink(kitfile) || Files.isDirectory(kitfile, LinkOption.NOFOLLOW_LINKS)) {
                throw new ModelKitException(kitfile + " is a symbolic link or a directory; refusing to replace it");
            }
        }
        AtomicFile.write(kitfile, KitfileYaml.write(kit.kitfile().withoutLayers()).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static Path prepareTarget(Path dir) {
        try {
            Files.createDirectories(dir);
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the target directory " + dir, e);
        }
    }
}
