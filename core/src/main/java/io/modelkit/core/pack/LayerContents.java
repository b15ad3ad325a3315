package io.modelkit.core.pack;

import io.modelkit.core.json.GoJson;
import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the entries of one layer the way kit's {@code writeLayerToTar} does, so that the tar bytes
 * come out identical.
 *
 * <p>Kit walks the whole context directory in Go {@code filepath.Walk} order (names sorted by their
 * UTF-8 bytes, a directory before its contents) and keeps every path that is the layer path, inside it,
 * or one of its ancestors, so each ancestor directory gets its own entry. It drops what the ignore
 * rules exclude and anything that another layer claims. That last test is a plain string-prefix test
 * on cleaned paths, so a layer {@code data} also claims {@code data2/x}, while a layer whose path is a
 * prefix of the current layer's path (a parent such as {@code main}, or the layer itself) claims nothing.
 * So a layer {@code main/sub} keeps its files, which the layer {@code main} leaves out, and
 * {@code code: .} packs what every other layer leaves.
 */
public final class LayerContents {
    private final Path contextDir;
    private final String layerPath;
    private final String layerKey;
    private final List<String> otherLayerKeys;
    private final IgnoreRules ignore;
    private final ProgressListener listener;
    private final List<TarEntrySource> entries = new ArrayList<>();

    private LayerContents(Path contextDir, String layerPath, List<String> otherLayerPaths, IgnoreRules ignore,
            ProgressListener listener) {
        this.contextDir = contextDir;
        this.layerPath = GoPaths.clean(layerPath);
        this.layerKey = prefixKey(layerPath);
        this.otherLayerKeys = otherLayerPaths.stream().map(LayerContents::prefixKey).toList();
        this.ignore = ignore;
        this.listener = listener;
    }

    /**
     * Lists the entries of the layer at {@code layerPath}, in the order they go into the tar.
     * Symbolic links, devices, sockets and FIFOs are skipped with a warning naming them.
     *
     * @param contextDir the context directory, which paths are relative to
     * @param layerPath the layer's path as written in the Kitfile, such as {@code ./models/}
     * @param otherLayerPaths the paths of all layers of the Kitfile; the current one may be among them
     * @param ignore the {@code .kitignore} rules
     * @param listener receives the warnings
     * @throws ModelKitException if the layer path does not exist, leaves the context, or is not a file or directory
     */
    public static List<TarEntrySource> collect(Path contextDir, String layerPath, List<String> otherLayerPaths,
            IgnoreRules ignore, ProgressListener listener) {
        LayerContents contents = new LayerContents(contextDir, layerPath, otherLayerPaths, ignore, listener);
        contents.checkLayerPath(layerPath);
        contents.walk(contextDir.toAbsolutePath(), ""); // entries name absolute files
        return List.copyOf(contents.entries);
    }

    /** Kit compares layer paths after trimming and cleaning them. */
    private static String prefixKey(String path) {
        return GoPaths.clean(GoPaths.trimSpace(path));
    }

    private void checkLayerPath(String original) {
        if (layerPath.startsWith("/") || layerPath.equals("..") || layerPath.startsWith("../")) {
            throw new ModelKitException("layer path '" + original + "' is outside the context directory " + contextDir);
        }
        Path target = contextDir.resolve(layerPath);
        if (!Files.exists(target)) {
            throw new ModelKitException("layer path '" + original + "' does not exist in " + contextDir);
        }
        if (!Files.isDirectory(target) && !Files.isRegularFile(target)) {
            throw new ModelKitException("layer path '" + original + "' in " + contextDir + " is neither a file nor a directory");
        }
        if (ignore.matches(layerPath)) {
            listener.warn("layer path '" + original + "' is excluded by .kitignore");
        }
    }

    private void walk(Path dir, String relativeDir) {
        for (String name : sortedNames(dir, relativeDir)) {
            String relative = relativeDir.isEmpty() ? name : relativeDir + "/" + name;
            if (!onLayerBranch(relative)) {
                continue;
            }
            Path path = dir.resolve(name);
            FileStat stat = stat(path, relative);
            if (excluded(relative)) {
                // with exceptions, something below an excluded directory may be re-included
                if (stat.kind() == FileStat.Kind.DIRECTORY && ignore.hasExceptions()) {
                    walk(path, relative);
                }
                continue;
            }
            switch (stat.kind()) {
                case DIRECTORY:
                    entries.add(new TarEntrySource(relative, path, true, 0, stat.mode()));
                    walk(path, relative);
                    break;
                case REGULAR:
                    entries.add(new TarEntrySource(relative, path, false, stat.size(), stat.mode()));
                    break;
                default:
                    listener.warn("skipping " + stat.kind().description() + " '" + relative
                            + "': only regular files and directories are packed");
            }
        }
    }

    /**
     * The layer path itself, a path inside it, or one of its ancestors. Kit decides this with
     * {@code filepath.Rel} both ways and a search for {@code ".."} in the results, which also drops
     * names such as {@code v1..2.bin}; we keep those, since they are plain files of the layer.
     */
    private boolean onLayerBranch(String relative) {
        return layerPath.equals(".")
                || relative.equals(layerPath)
                || relative.startsWith(layerPath + "/")
                || layerPath.startsWith(relative + "/");
    }

    /** Kit's {@code ignorePaths.Matches}: the ignore rules, then the string-prefix test against other layers. */
    private boolean excluded(String relative) {
        String key = prefixKey(relative);
        if (ignore.matches(key)) {
            return true;
        }
        for (String other : otherLayerKeys) {
            if (layerKey.startsWith(other)) {
                continue; // the current layer itself, or a layer that contains it
            }
            if (key.startsWith(other)) {
                return true;
            }
        }
        return false;
    }

    private List<String> sortedNames(Path dir, String relativeDir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                names.add(child.getFileName().toString());
            }
        } catch (IOException e) {
            throw new ModelKitException("cannot list directory '" + (relativeDir.isEmpty() ? "." : relativeDir)
                    + "' in " + contextDir + ": " + e.getMessage(), e);
        }
        names.sort(GoJson::compareUtf8);
        return names;
    }

    private FileStat stat(Path path, String relative) {
        try {
            return FileStat.read(path);
        } catch (IOException e) {
            throw new ModelKitException("cannot read attributes of '" + relative + "' in " + contextDir + ": " + e.getMessage(), e);
        }
    }
}
