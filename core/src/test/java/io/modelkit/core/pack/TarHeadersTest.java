package io.modelkit.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Header bytes, written out field by field from Go's {@code archive/tar} rules with kit's settings:
 * numbers are zero-padded octal closed by a NUL (uid 1000 is {@code 0001750}), magic {@code "ustar\0"},
 * version {@code "00"}, devmajor and devminor {@code "0000000\0"}, user and group names empty. The
 * checksum is the sum of the 512 unsigned bytes with its own field counted as eight spaces, written as
 * six octal digits, a NUL and a space; the values below were summed by hand from these fields.
 */
class TarHeadersTest {
    private static final String UID_1000 = "0001750\0";
    private static final String ZERO_8 = "0000000\0";
    private static final String MTIME_0 = "00000000000\0";

    @Test
    void shouldWriteARegularFileAsUstar() {
        byte[] expected = header("models/m1.gguf\0", "0000644\0", "00000000005\0", '0', "", "011667");

        assertThat(TarHeaders.encode("models/m1.gguf", TarHeaders.TYPE_REGULAR, 0644, 5)).isEqualTo(expected);
    }

    @Test
    void shouldWriteADirectoryWithoutTrailingSlashAndSizeZero() {
        byte[] expected = header("models\0", "0000755\0", "00000000000\0", '5', "", "010426");

        assertThat(TarHeaders.encode("models", TarHeaders.TYPE_DIRECTORY, 0755, 0)).isEqualTo(expected);
    }

    @Test
    void shouldSplitANameOver100BytesAtTheLastSlashThatFits() {
        // Go takes the longest prefix: "a/b" + 97 c's, where a shortest-prefix writer would take "a"
        String name = "a/b/" + "c".repeat(97);
        byte[] expected = header("c".repeat(97) + "\0", "0000644\0", "00000000012\0", '0', "a/b\0", "032402");

        assertThat(TarHeaders.encode(name, TarHeaders.TYPE_REGULAR, 0644, 10)).isEqualTo(expected);
    }

    @Test
    void shouldWritePaxForANameThatCannotBeSplit() {
        // the base name alone is over 100 bytes: a PAX 'x' entry carries the path
        String name = "deep/" + "n".repeat(120);
        String record = "135 path=" + name + "\n"; // 3 + 1 + 4 + 1 + 125 + 1 = 135 bytes
        byte[] paxHeader = paxHeader("deep/PaxHeaders.0/" + "n".repeat(82), "00000000207\0", "032633");
        // the header keeps the first 100 bytes of the name, as Go's formatString cuts it
        byte[] main = header("deep/" + "n".repeat(95), "0000600\0", "00000000003\0", '0', "", "034444");

        assertThat(TarHeaders.encode(name, TarHeaders.TYPE_REGULAR, 0600, 3))
                .isEqualTo(concat(paxHeader, padded(record), main));
    }

    @Test
    void shouldWritePaxForANonAsciiNameAndDropNonAsciiFromTheHeader() {
        String record = "20 path=modèle.bin\n"; // 2 + 1 + 4 + 1 + 11 UTF-8 bytes + 1 = 20
        byte[] paxHeader = paxHeader("PaxHeaders.0/modle.bin\0", "00000000024\0", "012007");
        byte[] main = header("modle.bin\0", "0000644\0", "00000000000\0", '0', "", "011002");

        assertThat(TarHeaders.encode("modèle.bin", TarHeaders.TYPE_REGULAR, 0644, 0))
                .isEqualTo(concat(paxHeader, padded(record), main));
    }

    @Test
    void shouldWritePaxForASizeOf8GibAndZeroInTheHeader() {
        String record = "19 size=8589934592\n";
        byte[] paxHeader = paxHeader("PaxHeaders.0/huge.bin\0", "00000000023\0", "011636");
        // 8 GiB needs twelve octal digits, leaving no room for the NUL: Go writes 0 and the PAX size counts
        byte[] main = header("huge.bin\0", "0000644\0", "00000000000\0", '0', "", "010632");

        assertThat(TarHeaders.encode("huge.bin", TarHeaders.TYPE_REGULAR, 0644, 1L << 33))
                .isEqualTo(concat(paxHeader, padded(record), main));
    }

    @Test
    void shouldStayUstarJustBelow8Gib() {
        byte[] block = TarHeaders.encode("big.bin", TarHeaders.TYPE_REGULAR, 0644, (1L << 33) - 1);

        assertThat(block).hasSize(512);
        assertThat(new String(block, 124, 12, StandardCharsets.US_ASCII)).isEqualTo("77777777777\0");
    }

    @Test
    void shouldEndACutNameWithNulWhereItWouldEndWithASlash() {
        // 99 x's and a slash are the first 100 bytes: the slash becomes the terminator
        String name = "x".repeat(99) + "/" + "y".repeat(20) + "\u00e9";
        byte[] block = TarHeaders.encode(name, TarHeaders.TYPE_REGULAR, 0644, 0);
        int main = block.length - 512;
        assertThat(new String(block, main, 100, StandardCharsets.US_ASCII)).isEqualTo("x".repeat(99) + "\0");
    }

    @Test
    void shouldCountTheLengthPrefixInPaxRecords() {
        assertThat(TarHeaders.paxRecord("path", "x".repeat(90))).startsWith("99 path=").hasSize(99);
        // 7 + 91 = 98, plus two digits is 100, which needs three digits: 101
        assertThat(TarHeaders.paxRecord("path", "x".repeat(91))).startsWith("101 path=").hasSize(101);
    }

    @Test
    void shouldSplitOnlyWhereGoSplits() {
        assertThat(TarHeaders.splitUstarPath("x".repeat(100), true)).isNull();
        assertThat(TarHeaders.splitUstarPath("/" + "x".repeat(100), true)).isNull();
        assertThat(TarHeaders.splitUstarPath("p/" + "x".repeat(101), true)).isNull();
        assertThat(TarHeaders.splitUstarPath("p".repeat(156) + "/x", true)).isNull();
        assertThat(TarHeaders.splitUstarPath("p".repeat(155) + "/x", true)).containsExactly("p".repeat(155), "x");
        assertThat(TarHeaders.splitUstarPath("é/" + "x".repeat(100), false)).isNull();
    }

    /** A USTAR header block with kit's owner, mtime and device fields. */
    private static byte[] header(String name, String mode, String size, char type, String prefix, String checksum) {
        byte[] block = new byte[512];
        put(block, 0, name);
        put(block, 100, mode);
        put(block, 108, UID_1000);
        put(block, 116, ZERO_8);
        put(block, 124, size);
        put(block, 136, MTIME_0);
        put(block, 148, checksum + "\0 ");
        put(block, 156, String.valueOf(type));
        put(block, 257, "ustar\0" + "00");
        put(block, 329, ZERO_8);
        put(block, 337, ZERO_8);
        put(block, 345, prefix);
        return block;
    }

    /** Go's PAX entry header: zero mode, owner and mtime, no user, group or device fields. */
    private static byte[] paxHeader(String name, String size, String checksum) {
        byte[] block = new byte[512];
        put(block, 0, name);
        put(block, 100, ZERO_8);
        put(block, 108, ZERO_8);
        put(block, 116, ZERO_8);
        put(block, 124, size);
        put(block, 136, MTIME_0);
        put(block, 148, checksum + "\0 ");
        put(block, 156, "x");
        put(block, 257, "ustar\0" + "00");
        return block;
    }

    private static void put(byte[] block, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    private static byte[] padded(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, (bytes.length + 511) / 512 * 512);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
