package io.modelkit.core.unpack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes tar bytes by hand, so that tests can build archives no well-behaved tool would write:
 * absolute names, traversal, links, devices, broken checksums, and the exact header variants Go's
 * {@code archive/tar} produces (USTAR prefix, PAX records, GNU long names, base-256 numbers).
 */
final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    TarBuilder file(String name, byte[] content, int mode) {
        return entry('0', name, "", mode, content);
    }

    TarBuilder dir(String name, int mode) {
        return entry('5', name, "", mode, new byte[0]);
    }

    TarBuilder symlink(String name, String target) {
        return entry('2', name, target, 0777, new byte[0]);
    }

    TarBuilder hardLink(String name, String target) {
        return entry('1', name, target, 0644, new byte[0]);
    }

    TarBuilder fifo(String name) {
        return entry('6', name, "", 0644, new byte[0]);
    }

    TarBuilder charDevice(String name) {
        return entry('3', name, "", 0666, new byte[0]);
    }

    TarBuilder blockDevice(String name) {
        return entry('4', name, "", 0660, new byte[0]);
    }

    /** Any typeflag, with a plain USTAR header; the name must fit in 100 bytes. */
    TarBuilder entry(char type, String name, String linkName, int mode, byte[] content) {
        byte[] header = header(name, "", type, linkName, mode, content.length);
        out.writeBytes(header);
        writeContent(content);
        return this;
    }

    /** A USTAR header whose name is split into prefix and name fields. */
    TarBuilder prefixedFile(String prefix, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(header(name, prefix, '0', "", 0644, bytes.length));
        writeContent(bytes);
        return this;
    }

    /** The way Go writes a name that does not fit USTAR: a PAX header, then a truncated name. */
    TarBuilder paxFile(String name, byte[] content, int mode) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : ".";
        byte[] records = paxRecord("path", name);
        out.writeBytes(header(truncate(dir + "/PaxHeaders.0/" + base), "", 'x', "", 0, records.length));
        writeContent(records);
        out.writeBytes(header(truncate(name), "", '0', "", mode, content.length));
        writeContent(content);
        return this;
    }

    /** A PAX header with arbitrary records for the next header. */
    TarBuilder paxHeader(String... keyValues) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int i = 0; i < keyValues.length; i += 2) {
            records.writeBytes(paxRecord(keyValues[i], keyValues[i + 1]));
        }
        byte[] data = records.toByteArray();
        out.writeBytes(header("PaxHeaders.0/x", "", 'x', "", 0, data.length));
        writeContent(data);
        return this;
    }

    /** A GNU {@code 'L'} long-name header followed by the file. */
    TarBuilder gnuLongNameFile(String name, String content) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(gnu(header("././@LongLink", "", 'L', "", 0, nameBytes.length)));
        writeContent(nameBytes);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(gnu(header(truncate(name), "", '0', "", 0644, bytes.length)));
        writeContent(bytes);
        return this;
    }

    /** A file whose size field uses GNU base-256 encoding. */
    TarBuilder base256SizeFile(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = header(name, "", '0', "", 0644, bytes.length);
        Arrays.fill(header, 124, 136, (byte) 0);
        header[124] = (byte) 0x80;
        long size = bytes.length;
        for (int i = 135; i > 124; i--) {
            header[i] = (byte) (size & 0xff);
            size >>>= 8;
        }
        out.writeBytes(checksum(header));
        writeContent(bytes);
        return this;
    }

    /** A regular file header whose checksum is wrong. */
    TarBuilder corruptChecksumFile(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = header(name, "", '0', "", 0644, bytes.length);
        header[148] = '7';
        out.writeBytes(header);
        writeContent(bytes);
        return this;
    }

    TarBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The two zero blocks that end an archive. */
    TarBuilder end() {
        out.writeBytes(new byte[1024]);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] header(String name, String prefix, char type, String linkName, int mode, long size) {
        byte[] header = new byte[512];
        put(header, 0, 100, name);
        put(header, 100, 8, String.format("%07o", mode));
        put(header, 108, 8, String.format("%07o", 1000));
        put(header, 116, 8, String.format("%07o", 0));
        put(header, 124, 12, String.format("%011o", size));
        put(header, 136, 12, String.format("%011o", 0));
        header[156] = (byte) type;
        put(header, 157, 100, linkName);
        put(header, 257, 6, "ustar\0");
        put(header, 263, 2, "00");
        put(header, 329, 8, "0000000");
        put(header, 337, 8, "0000000");
        put(header, 345, 155, prefix);
        return checksum(header);
    }

    private static byte[] gnu(byte[] header) {
        put(header, 257, 6, "ustar ");
        put(header, 263, 2, " \0");
        return checksum(header);
    }

    private static byte[] checksum(byte[] header) {
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        byte[] field = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, header, 148, 8);
        return header;
    }

    private static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + String.valueOf(body).length();
        if (String.valueOf(length).length() != String.valueOf(body).length()) {
            length++;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String name) {
        // only a fallback for readers without PAX or GNU support, so plain ASCII is enough
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
        return ascii.substring(0, Math.min(100, ascii.length()));
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("'" + value + "' does not fit in " + length + " bytes");
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private void writeContent(byte[] content) {
        out.writeBytes(content);
        int padding = (512 - content.length % 512) % 512;
        out.writeBytes(new byte[padding]);
    }
}
