package io.modelkit.core.unpack;

import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads tar headers the way Go's {@code archive/tar} does, which is what writes every kit layer:
 * USTAR (with the 155-byte name prefix), PAX extended headers ({@code path}, {@code linkpath},
 * {@code size}), GNU long names and link names ({@code 'L'}, {@code 'K'}), octal and base-256
 * numbers, and both checksum conventions. Global PAX headers are skipped. The content of the current
 * entry is read through {@link #content()}; whatever is left unread is skipped by the next
 * {@link #next()}.
 *
 * <p>Every read failure becomes an {@link ArchiveFormatException} naming the entry it happened in or
 * after, so a truncated or damaged stream is reported in terms of the archive, not of the stream.
 */
final class TarReader {
    static final int BLOCK = 512;
    /** Extended headers are held in memory; nothing legitimate comes near this. */
    private static final int MAX_EXTENDED_HEADER = 1 << 20;

    private final InputStream in;
    private final ProgressListener listener;
    private final byte[] block = new byte[BLOCK];
    private final byte[] scratch = new byte[64 * 1024];
    private String lastName;
    private long remaining;
    private long padding;
    private boolean ended;

    TarReader(InputStream in, ProgressListener listener) {
        this.in = in;
        this.listener = listener;
    }

    /** The next entry, or {@code null} after the end-of-archive blocks. */
    TarEntry next() {
        if (ended) {
            return null;
        }
        skipRest();
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        boolean extended = false;
        while (true) {
            int read = readBlock();
            if (read == 0) {
                throw new ArchiveFormatException("truncated tar archive: the stream ends " + where()
                        + " without the end-of-archive blocks");
            }
            if (isZero(block)) {
                if (extended) {
                    throw new ArchiveFormatException("malformed tar archive: an extended header " + where()
                            + " is followed by the end of the archive instead of its entry");
                }
                // Go accepts one zero block followed by the end of the stream, and so do we.
                int second = readBlock();
                if (second != 0 && !isZero(block)) {
                    throw new ArchiveFormatException("malformed tar archive: data follows a zero block " + where());
                }
                ended = true;
                return null;
            }
            verifyChecksum();
            char type = (char) (block[156] & 0xff);
            long size = number(124, 12, "size");
            switch (type) {
                case 'x' -> {
                    extended = true;
                    parsePax(readExtended(size, "PAX extended header"), pax);
                }
                case 'g' -> {
                    readExtended(size, "PAX global header");
                    listener.warn("Ignoring a PAX global header " + where());
                }
                case 'L' -> {
                    extended = true;
                    longName = cString(readExtended(size, "GNU long name"));
                }
                case 'K' -> {
                    extended = true;
                    longLink = cString(readExtended(size, "GNU long link name"));
                }
                default -> {
                    return entry(type, size, pax, longName, longLink);
                }
            }
        }
    }

    /** The content of the entry last returned by {@link #next()}. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (remaining == 0) {
                    return -1;
                }
                if (length == 0) {
                    return 0;
                }
                int n = readSome(buffer, offset, (int) Math.min(length, remaining));
                if (n < 0) {
                    throw new ArchiveFormatException("truncated tar archive: the stream ends inside the content of entry '"
                            + lastName + "' (" + remaining + " bytes missing)");
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** The name of the last entry returned, or {@code null} before the first. */
    String lastEntryName() {
        return lastName;
    }

    private TarEntry entry(char type, long size, Map<String, String> pax, String longName, String longLink) {
        String name = headerName();
        String linkName = cString(block, 157, 100);
        long mode = number(100, 8, "mode");
        if (pax.containsKey("path")) {
            name = pax.get("path");
        }
        if (pax.containsKey("linkpath")) {
            linkName = pax.get("linkpath");
        }
        if (pax.containsKey("size")) {
            size = paxSize(pax.get("size"), name);
        }
        // Go lets a GNU long name win over a PAX path when both are present
        if (longName != null) {
            name = longName;
        }
        if (longLink != null) {
            linkName = longLink;
        }
        if (pax.keySet().stream().anyMatch(key -> key.startsWith("GNU.sparse."))) {
            type = 'S';
        }
        if (type == TarEntry.REGULAR_OLD && name.endsWith("/")) {
            type = TarEntry.DIRECTORY;
        }
        long dataSize = isHeaderOnly(type) ? 0 : size;
        lastName = name;
        remaining = dataSize;
        padding = (BLOCK - dataSize % BLOCK) % BLOCK;
        return new TarEntry(name, type, mode, dataSize, linkName);
    }

    private String headerName() {
        String name = cString(block, 0, 100);
        if (ascii(257, 6).equals("ustar\0") && ascii(263, 2).equals("00")) {
            // star archives keep access and change times at the end of the prefix field
            int prefixLength = ascii(508, 4).equals("tar\0") ? 131 : 155;
            String prefix = cString(block, 345, prefixLength);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static boolean isHeaderOnly(char type) {
        return type == TarEntry.HARD_LINK || type == TarEntry.SYMLINK || type == TarEntry.CHAR_DEVICE
                || type == TarEntry.BLOCK_DEVICE || type == TarEntry.DIRECTORY || type == TarEntry.FIFO;
    }

    private void verifyChecksum() {
        long stored = number(148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i >= 148 && i < 156 ? (byte) ' ' : block[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new ArchiveFormatException("malformed tar archive: header checksum mismatch " + where()
                    + " (stored " + stored + ", computed " + unsigned + ")");
        }
    }

    /** Reads a numeric header field: octal text, or GNU base-256 when the high bit is set. */
    private long number(int offset, int length, String field) {
        if ((block[offset] & 0x80) != 0) {
            if ((block[offset] & 0x40) != 0) {
                throw badNumber(field, "negative base-256 value");
            }
            long value = block[offset] & 0x3f;
            for (int i = offset + 1; i < offset + length; i++) {
                if ((value >>> 55) != 0) {
                    throw badNumber(field, "base-256 value does not fit in 63 bits");
                }
                value = (value << 8) | (block[i] & 0xff);
            }
            return value;
        }
        String text = ascii(offset, length).replaceAll("^[ \0]+|[ \0]+$", "");
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-7]{1,21}")) {
            throw badNumber(field, "'" + text.replace("\0", "\\0") + "' is not an octal number");
        }
        return Long.parseLong(text, 8);
    }

    private ArchiveFormatException badNumber(String field, String reason) {
        return new ArchiveFormatException("malformed tar archive: invalid " + field + " field in the header "
                + where() + ": " + reason);
    }

    private long paxSize(String value, String name) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new ArchiveFormatException("malformed tar archive: invalid PAX size '" + value + "' for entry '"
                    + name + "'");
        }
        return Long.parseLong(value);
    }

    private byte[] readExtended(long size, String kind) {
        if (size > MAX_EXTENDED_HEADER) {
            throw new ArchiveFormatException("malformed tar archive: " + kind + " of " + size + " bytes "
                    + where() + " exceeds the " + MAX_EXTENDED_HEADER + "-byte limit");
        }
        byte[] data = new byte[(int) size];
        int filled = 0;
        while (filled < data.length) {
            int n = readSome(data, filled, data.length - filled);
            if (n < 0) {
                throw new ArchiveFormatException("truncated tar archive: the stream ends inside a " + kind + " "
                        + where());
            }
            filled += n;
        }
        remaining = 0;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        skipRest();
        return data;
    }

    /** Parses {@code "<length> <key>=<value>\n"} records into {@code into}; later records win. */
    private void parsePax(byte[] data, Map<String, String> into) {
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                space++;
            }
            if (space == pos || space >= data.length || data[space] != ' ' || space - pos > 9) {
                throw badPax();
            }
            int length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            int end = pos + length;
            if (length <= space - pos + 1 || end > data.length || data[end - 1] != '\n') {
                throw badPax();
            }
            String record = new String(data, space + 1, end - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw badPax();
            }
            into.put(record.substring(0, equals), record.substring(equals + 1));
            pos = end;
        }
    }

    private ArchiveFormatException badPax() {
        return new ArchiveFormatException("malformed tar archive: invalid PAX record in the extended header "
                + where());
    }

    private void skipRest() {
        while (remaining > 0) {
            int n = readSome(scratch, 0, (int) Math.min(scratch.length, remaining));
            if (n < 0) {
                throw new ArchiveFormatException("truncated tar archive: the stream ends inside the content of entry '"
                        + lastName + "' (" + remaining + " bytes missing)");
            }
            remaining -= n;
        }
        while (padding > 0) {
            int n = readSome(scratch, 0, (int) padding);
            if (n < 0) {
                throw new ArchiveFormatException("truncated tar archive: the stream ends inside the padding of entry '"
                        + lastName + "'");
            }
            padding -= n;
        }
    }

    /** Fills {@link #block}; returns 0 at a clean end of stream, fails on a partial block. */
    private int readBlock() {
        int filled = 0;
        while (filled < BLOCK) {
            int n = readSome(block, filled, BLOCK - filled);
            if (n < 0) {
                if (filled == 0) {
                    return 0;
                }
                throw new ArchiveFormatException("truncated tar archive: the stream ends inside a header " + where());
            }
            filled += n;
        }
        return filled;
    }

    private int readSome(byte[] buffer, int offset, int length) {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw new ArchiveFormatException("cannot read tar stream " + where() + ": " + e.getMessage(), e);
        }
    }

    private String where() {
        if (lastName == null) {
            return "at the start of the archive";
        }
        return (remaining > 0 ? "inside" : "after") + " entry '" + lastName + "'";
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int offset, int length) {
        return new String(block, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String cString(byte[] bytes) {
        return cString(bytes, 0, bytes.length);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}
