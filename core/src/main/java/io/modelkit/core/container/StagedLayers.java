package io.modelkit.core.container;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.transfer.ModelKitSource;
import io.modelkit.core.unpack.ArchiveFormatException;
import io.modelkit.core.unpack.ExtractOptions;
import io.modelkit.core.unpack.LayerExtractor;
import io.modelkit.core.unpack.LayerSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The selected ModelKit layers, each extracted into its own directory under a work directory and
 * described as one jib layer. jib builds layers from files, so each blob is streamed once through
 * the same verified extraction {@code unpack} uses (digest checked before files count, nothing held
 * in memory) and jib then reads the files back. The files sit at the paths {@code kit unpack} gives
 * them, below the model directory.
 */
final class StagedLayers {
    /** jib's own default entry time: one second after the epoch, the same in every build. */
    private static final Instant ENTRY_TIME = Instant.ofEpochSecond(1);
    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");

    private StagedLayers() {
    }

    /** A ModelKit layer and the jib layer made of its extracted files. */
    record Staged(BoundLayer layer, ContentKind kind, FileEntriesLayer jibLayer) {
    }

    static List<Staged> stage(ModelKitSource source, List<BoundLayer> layers, AbsoluteUnixPath modelDir, Path workDir,
            ProgressListener listener) {
        List<Staged> staged = new ArrayList<>();
        int index = 0;
        for (BoundLayer layer : layers) {
            Path dir = workDir.resolve("layer-" + index++);
            extract(source, layer, dir, listener);
            ContentKind kind = ContentKind.of(layer.entry().kind());
            staged.add(new Staged(layer, kind, jibLayer(kind.spelling() + ":" + layer.entry().path(), dir, modelDir)));
        }
        return staged;
    }

    private static void extract(ModelKitSource source, BoundLayer layer, Path dir, ProgressListener listener) {
        Descriptor descriptor = layer.descriptor();
        ExtractOptions.Builder options = ExtractOptions.builder();
        if (layer.legacy()) {
            options.legacyLayerPath(layer.entry().path());
        }
        LayerSource layerSource = new LayerSource(descriptor.mediaType(), descriptor.digest(), descriptor.size(),
                descriptor.annotations());
        try {
            Files.createDirectories(dir);
            try (InputStream blob = source.openBlob(descriptor, 0)) {
                LayerExtractor.extract(blob, layerSource, dir, options.build(), listener);
            }
        } catch (ArchiveFormatException e) {
            throw new ModelKitException("ModelKit " + source.describe() + ": " + layerSource.label()
                    + " is not a readable tar archive: " + withoutLabel(e.getMessage(), layerSource.label()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layerSource.label() + " of " + source.describe(), e);
        }
    }

    /** The reader's reason without the label we already give, on one line even when it quotes the bytes it read. */
    private static String withoutLabel(String message, String label) {
        String reason = message.startsWith(label + ": ") ? message.substring(label.length() + 2) : message;
        return reason.replace("\r", "\\r").replace("\n", "\\n");
    }

    /**
     * Every file and directory below {@code dir}, in name order, at the same relative path under
     * {@code modelDir}. Fixed times and modes keep the layer's digest a function of the content:
     * files 644 (755 when the ModelKit marked them executable), directories 755.
     */
    private static FileEntriesLayer jibLayer(String name, Path dir, AbsoluteUnixPath modelDir) {
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(path -> !path.equals(dir)).sorted().toList()) {
                AbsoluteUnixPath inImage = modelDir.resolve(dir.relativize(path).toString().replace('\\', '/'));
                FilePermissions mode = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS
                        : executable(path) ? EXECUTABLE : FilePermissions.DEFAULT_FILE_PERMISSIONS;
                builder.addEntry(new FileEntry(path, inImage, mode, ENTRY_TIME));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files extracted from " + name, e);
        }
        return builder.build();
    }

    private static boolean executable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
