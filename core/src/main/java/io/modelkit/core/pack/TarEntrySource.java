package io.modelkit.core.pack;

import java.nio.file.Path;

/**
 * One entry of a layer tar, as found by the context walk.
 *
 * @param name the entry name: context-relative, {@code /}-separated, without {@code ./} or trailing slash
 * @param file where the content is read from; a relative path is resolved against the context directory
 * @param directory whether the entry is a directory (type {@code '5'}, no content) or a regular file
 * @param size the file's size when it was walked; the file must still have this size when it is written
 * @param mode permission bits with setuid, setgid and sticky, as stored in the header
 */
public record TarEntrySource(String name, Path file, boolean directory, long size, int mode) {
}
