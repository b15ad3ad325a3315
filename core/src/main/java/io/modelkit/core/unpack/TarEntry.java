package io.modelkit.core.unpack;

/**
 * One entry of a tar stream after its extended headers have been applied.
 *
 * @param name     the entry name as written (PAX {@code path}, GNU long name, or USTAR prefix + name)
 * @param type     the typeflag byte ({@code '0'} file, {@code '5'} directory, ...)
 * @param mode     the mode field, unmasked
 * @param size     bytes of content that follow the header (0 for header-only types)
 * @param linkName the link target of link entries, else empty
 */
record TarEntry(String name, char type, long mode, long size, String linkName) {
    static final char REGULAR = '0';
    static final char REGULAR_OLD = '\0';
    static final char CONTIGUOUS = '7';
    static final char HARD_LINK = '1';
    static final char SYMLINK = '2';
    static final char CHAR_DEVICE = '3';
    static final char BLOCK_DEVICE = '4';
    static final char DIRECTORY = '5';
    static final char FIFO = '6';

    boolean isRegularFile() {
        return type == REGULAR || type == REGULAR_OLD || type == CONTIGUOUS;
    }
}
