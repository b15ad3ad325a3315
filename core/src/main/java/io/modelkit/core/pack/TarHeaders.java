package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Header blocks exactly as Go's {@code archive/tar} writes them for the headers kit builds: uid 1000,
 * gid 0, empty user and group names, mtime 0, no link name.
 *
 * <p>Go picks USTAR when it can: an ASCII name of at most 100 bytes, or one that splits at a slash into
 * a prefix of at most 155 and a name of at most 100, and a size below 8 GiB. Otherwise it writes PAX: an
 * {@code 'x'} entry named {@code <dir>/PaxHeaders.0/<base>} whose content is the sorted records
 * {@code "<len> <key>=<value>\n"}, then the real header, in which a name that does not fit is left empty
 * and non-ASCII characters are dropped. Numbers are zero-padded octal ending in NUL when there is room.
 */
final class TarHeaders {
    static final int BLOCK_SIZE = 512;
    static final byte TYPE_REGULAR = '0';
    static final byte TYPE_DIRECTORY = '5';
    static final byte TYPE_PAX = 'x';
    static final int UID = 1000;
    static final int GID = 0;

    /** Sizes from 8 GiB on do not fit the 11 octal digits of the USTAR size field. */
    private static final long USTAR_SIZE_LIMIT = 1L << 33;
    /** Go refuses PAX content above 1 MiB, as libarchive does. */
    private static final int MAX_PAX_CONTENT = 1 << 20;
    private static final int NAME_SIZE = 100;
    private static final int PREFIX_SIZE = 155;

    private static final int NAME = 0;
    private static final int MODE = 100;
    private static final int UID_FIELD = 108;
    private static final int GID_FIELD = 116;
    private static final int SIZE = 124;
    private static final int MTIME = 136;
    private static final int CHECKSUM = 148;
    private static final int TYPEFLAG = 156;
    private static final int LINKNAME = 157;
    private static final int MAGIC = 257;
    private static final int VERSION = 263;
    private static final int DEVMAJOR = 329;
    private static final int DEVMINOR = 337;
    private static final int PREFIX = 345;

    private TarHeaders() {
    }

    /** The header block, or the PAX entry and the header block, for one file or directory. */
    static byte[] encode(String name, byte typeflag, int mode, long size) {
        boolean ascii = isAscii(name);
        Map<String, String> paxRecords = new TreeMap<>(); // keys are ASCII: natural order is Go's byte order
        boolean ustar = true;
        String namePrefix = "";
        String nameField = name;
        if (!ascii || name.length() > NAME_SIZE) {
            String[] split = splitUstarPath(name, ascii);
            if (split == null) {
                ustar = false;
            } else {
                namePrefix = split[0];
                nameField = split[1];
            }
            paxRecords.put("path", name);
        }
        if (size >= USTAR_SIZE_LIMIT) {
            ustar = false;
            paxRecords.put("size", Long.toString(size));
        }
        if (ustar) {
            byte[] block = new byte[BLOCK_SIZE];
            fillHeader(block, 0, nameField, typeflag, mode, size);
            formatString(block, PREFIX, PREFIX_SIZE, namePrefix);
            setMagicAndChecksum(block, 0);
            return block;
        }
        return encodePax(name, typeflag, mode, size, paxRecords);
    }

    private static byte[] encodePax(String name, byte typeflag, int mode, long size, Map<String, String> records) {
        StringBuilder content = new StringBuilder();
        records.forEach((key, value) -> content.append(paxRecord(key, value)));
        byte[] data = content.toString().getBytes(StandardCharsets.UTF_8);
        if (data.length > MAX_PAX_CONTENT) {
            throw new ModelKitException("tar entry name is too long (" + data.length + " bytes of PAX records): " + name);
        }
        int padded = BLOCK_SIZE + data.length + padding(data.length);
        byte[] out = new byte[padded + BLOCK_SIZE];

        String paxName = toAscii(GoPaths.join(parentOf(name), "PaxHeaders.0", baseOf(name)));
        if (paxName.length() > NAME_SIZE) {
            paxName = paxName.substring(0, NAME_SIZE);
        }
        paxName = trimTrailingSlashes(paxName);
        // Go's writeRawFile: name, zero mode/uid/gid/mtime, the size; user, group and devices left empty
        formatString(out, NAME, NAME_SIZE, paxName);
        formatOctal(out, MODE, 8, 0);
        formatOctal(out, UID_FIELD, 8, 0);
        formatOctal(out, GID_FIELD, 8, 0);
        formatOctal(out, SIZE, 12, data.length);
        formatOctal(out, MTIME, 12, 0);
        out[TYPEFLAG] = TYPE_PAX;
        setMagicAndChecksum(out, 0);
        System.arraycopy(data, 0, out, BLOCK_SIZE, data.length);

        fillHeader(out, padded, toAscii(name), typeflag, mode, size);
        setMagicAndChecksum(out, padded);
        return out;
    }

    /** The fields every header shares. */
    private static void fillHeader(byte[] block, int base, String name, byte typeflag, int mode, long size) {
        block[base + TYPEFLAG] = typeflag;
        formatString(block, base + NAME, NAME_SIZE, toAscii(name));
        formatString(block, base + LINKNAME, NAME_SIZE, "");
        formatOctal(block, base + MODE, 8, mode);
        formatOctal(block, base + UID_FIELD, 8, UID);
        formatOctal(block, base + GID_FIELD, 8, GID);
        formatOctal(block, base + SIZE, 12, size);
        formatOctal(block, base + MTIME, 12, 0);
        formatOctal(block, base + DEVMAJOR, 8, 0);
        formatOctal(block, base + DEVMINOR, 8, 0);
    }

    /** Magic {@code "ustar\0"}, version {@code "00"}, then the checksum: six octal digits, NUL, space. */
    private static void setMagicAndChecksum(byte[] block, int base) {
        byte[] magic = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
        System.arraycopy(magic, 0, block, base + MAGIC, magic.length);
        long sum = 0;
        for (int i = 0; i < BLOCK_SIZE; i++) {
            boolean checksumField = i >= CHECKSUM && i < CHECKSUM + 8;
            sum += checksumField ? ' ' : block[base + i] & 0xFF;
        }
        formatOctal(block, base + CHECKSUM, 7, sum);
        block[base + CHECKSUM + 7] = ' ';
    }

    /** Go's {@code splitUSTARPath}: {@code {prefix, name}}, or {@code null} when the name cannot be split. */
    static String[] splitUstarPath(String name, boolean ascii) {
        int length = name.length();
        if (length <= NAME_SIZE || !ascii) {
            return null;
        }
        if (length > PREFIX_SIZE + 1) {
            length = PREFIX_SIZE + 1;
        } else if (name.charAt(length - 1) == '/') {
            length--;
        }
        int slash = name.lastIndexOf('/', length - 1);
        int suffixLength = name.length() - slash - 1;
        if (slash <= 0 || suffixLength > NAME_SIZE || suffixLength == 0 || slash > PREFIX_SIZE) {
            return null;
        }
        return new String[] {name.substring(0, slash), name.substring(slash + 1)};
    }

    /** Go's {@code formatPAXRecord}: the length prefix counts itself. */
    static String paxRecord(String key, String value) {
        int size = utf8Length(key) + utf8Length(value) + 3; // ' ', '=', '\n'
        size += Integer.toString(size).length();
        String record = size + " " + key + "=" + value + "\n";
        int actual = utf8Length(record);
        if (actual != size) {
            record = actual + " " + key + "=" + value + "\n";
        }
        return record;
    }

    /** Bytes of padding after {@code length} bytes of content, up to the next block. */
    static int padding(long length) {
        return (int) (-length & (BLOCK_SIZE - 1));
    }

    /** Zero-padded octal with a NUL; a value too large for the field is written as 0, its real value is in PAX. */
    private static void formatOctal(byte[] block, int offset, int length, long value) {
        boolean fits = value >= 0 && (length >= 22 || value < 1L << ((length - 1) * 3));
        String digits = Long.toOctalString(fits ? value : 0);
        int zeros = length - digits.length() - 1; // leave room for the NUL
        if (zeros > 0) {
            digits = "0".repeat(zeros) + digits;
        }
        formatString(block, offset, length, digits);
    }

    /**
     * ASCII text, NUL-terminated when shorter than the field. Like Go, a longer text is cut to the
     * field (its full form is in a PAX record), and a cut that ends in '/' ends in NUL instead, so
     * that old readers do not take a file for a directory.
     */
    private static void formatString(byte[] block, int offset, int length, String ascii) {
        int copied = Math.min(ascii.length(), length);
        for (int i = 0; i < copied; i++) {
            block[offset + i] = (byte) ascii.charAt(i);
        }
        if (ascii.length() < length) {
            block[offset + ascii.length()] = 0;
        } else if (ascii.length() > length && ascii.charAt(length - 1) == '/') {
            int end = length - 1;
            while (end > 0 && ascii.charAt(end - 1) == '/') {
                end--;
            }
            block[offset + end] = 0;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                return false;
            }
        }
        return true;
    }

    private static String toAscii(String s) {
        if (isAscii(s)) {
            return s;
        }
        StringBuilder ascii = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c != 0) {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }

    private static String parentOf(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    private static String baseOf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String trimTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
