package io.modelkit.core.kitfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a Kitfile from YAML as kit does (yaml.v3 with {@code KnownFields(true)}): unknown fields, wrong
 * types and duplicate keys are errors naming the line and the field. Hostile input is refused before
 * it costs much: files over {@link #MAX_BYTES}, more than one document, deep nesting, alias bombs.
 * Reading does not validate; see {@link KitfileValidator}.
 */
public final class KitfileReader {
    /** The largest Kitfile accepted: far beyond any real one, small enough to hold in memory. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private KitfileReader() {
    }

    /** Reads the Kitfile at {@code file}; the file's size is checked before any of it is read. */
    public static Kitfile read(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw KitfileException.of(source, null, "is a directory, not a Kitfile");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw KitfileException.of(source, null, "is not a regular file"); // a pipe could block forever
            }
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge(source);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1); // the file may have grown since it was measured
            }
            return read(bytes, source);
        } catch (NoSuchFileException e) {
            throw new KitfileException(source, null, null, source + ": no such Kitfile", e);
        } catch (IOException e) {
            throw new KitfileException(source, null, null, source + ": cannot read Kitfile: " + e.getMessage(), e);
        }
    }

    /** Reads a Kitfile from YAML bytes; {@code sourceName} names it in errors. */
    public static Kitfile read(byte[] yaml, String sourceName) {
        if (yaml.length > MAX_BYTES) {
            throw tooLarge(sourceName);
        }
        String text = decode(yaml, sourceName);
        YamlNode root = YamlTreeBuilder.build(text, sourceName, MAX_BYTES);
        if (root == null) {
            throw KitfileException.of(sourceName, null, "is empty: it holds no YAML document");
        }
        return new KitfileBinder(sourceName).bind(root);
    }

    /** UTF-8, or UTF-16 when a byte order mark says so, as yaml.v3 accepts; a leading BOM is dropped. */
    private static String decode(byte[] yaml, String source) {
        try {
            String text;
            if (yaml.length >= 2 && (yaml[0] == (byte) 0xFE && yaml[1] == (byte) 0xFF
                    || yaml[0] == (byte) 0xFF && yaml[1] == (byte) 0xFE)) {
                text = new String(yaml, StandardCharsets.UTF_16);
            } else {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(yaml))
                        .toString();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw KitfileException.of(source, null, "is not valid UTF-8 text");
        }
    }

    private static KitfileException tooLarge(String source) {
        return KitfileException.of(source, null, "is larger than " + MAX_BYTES / (1024 * 1024)
                + " MiB; a Kitfile this large is refused");
    }
}
