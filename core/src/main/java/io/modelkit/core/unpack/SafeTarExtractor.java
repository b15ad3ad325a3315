package io.modelkit.core.unpack;

import io.modelkit.core.ProgressListener;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Extracts a tar stream below a target directory and refuses anything that could reach outside it.
 *
 * <p>Only regular files and directories are extracted, which is all kit ever writes. Every other
 * entry type stops the extraction with an error naming the entry: symbolic and hard links (refusing
 * them outright is simpler and safer than judging where they point), character and block devices,
 * FIFOs, sparse files and unknown types. So do names that are absolute or contain a {@code ..}
 * component, and paths that pass through a symbolic link already on disk. Links are never
 * followed, and nothing is written outside the real path of the target directory.
 *
 * <p>Files are written to temporary names and renamed into place only once the whole archive has
 * been read; if anything fails, the temporaries and the directories the archive created are
 * removed, so a refused or truncated archive leaves the target as it was. File and directory modes
 * are the header's permission bits ({@code & 0777}: no setuid, setgid or sticky bit), applied as
 * they are, like {@code tar --preserve-permissions}, so that packing the result again gives the
 * same layer.
 */
public final class SafeTarExtractor {

    private SafeTarExtractor() {
    }

    /**
     * Extracts {@code tar} below {@code targetDir} (created if missing). The stream is read up to
     * its end-of-archive blocks and not closed.
     *
     * @param listener receives a line per file skipped because it existed, and warnings
     */
    public static ExtractResult extract(InputStream tar, Path targetDir, ExtractOptions options,
            ProgressListener listener) {
        return stage(tar, targetDir, options, listener).commit();
    }

    /** Reads the whole archive into temporaries; the caller commits or aborts. */
    static LayerStaging stage(InputStream tar, Path targetDir, ExtractOptions options, ProgressListener listener) {
        LayerStaging staging = LayerStaging.open(targetDir, options, listener);
        try {
            TarReader reader = new TarReader(tar, listener);
            byte[] buffer = new byte[LayerDecoder.BUFFER_SIZE];
            for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
                stageEntry(entry, reader, staging, buffer);
            }
            return staging;
        } catch (RuntimeException | Error e) {
            staging.abort();
            throw e;
        }
    }

    private static void stageEntry(TarEntry entry, TarReader reader, LayerStaging staging, byte[] buffer) {
        String what = "tar entry '" + entry.name() + "'";
        int mode = (int) (entry.mode() & 0777);
        if (entry.isRegularFile()) {
            staging.file(what, EntryPath.components(entry.name(), what), mode, reader.content(), entry.size(), buffer);
        } else if (entry.type() == TarEntry.DIRECTORY) {
            staging.directory(what, EntryPath.components(entry.name(), what), mode);
        } else {
            throw EntryPath.refuse(what, unsupported(entry));
        }
    }

    private static String unsupported(TarEntry entry) {
        return switch (entry.type()) {
            case TarEntry.HARD_LINK -> "hard links are not supported (link to '" + entry.linkName() + "')";
            case TarEntry.SYMLINK -> "symbolic links are not supported (link to '" + entry.linkName() + "')";
            case TarEntry.CHAR_DEVICE -> "character device entries are not supported";
            case TarEntry.BLOCK_DEVICE -> "block device entries are not supported";
            case TarEntry.FIFO -> "FIFO entries are not supported";
            case 'S' -> "sparse files are not supported";
            default -> "entry type " + typeName(entry.type()) + " is not supported";
        };
    }

    private static String typeName(char type) {
        return type >= 0x21 && type <= 0x7e ? "'" + type + "'" : String.format("0x%02x", (int) type);
    }
}
