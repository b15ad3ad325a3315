package io.modelkit.core.pack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.json.GoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code org.cncf.model.file.metadata+json} annotation of a raw layer, as kit writes it: the
 * file's name, permission bits, size and real modification time, owner 0:0, typeflag '0'.
 */
final class RawFileMetadata {
    private static final int TYPEFLAG_REGULAR = '0';

    private RawFileMetadata() {
    }

    static String of(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission permission : attributes.permissions()) {
                mode |= 1 << (8 - permission.ordinal());
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("name", file.getFileName().toString());
            json.put("mode", mode);
            json.put("uid", 0);
            json.put("gid", 0);
            json.put("size", attributes.size());
            json.put("mtime", rfc3339Nano(attributes.lastModifiedTime().toInstant()));
            json.put("typeflag", TYPEFLAG_REGULAR);
            return GoJson.writeString(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    /** Go's RFC3339Nano: fractional seconds without trailing zeros, none at all when zero. */
    static String rfc3339Nano(Instant time) {
        String seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(time);
        String fraction = "";
        if (time.getNano() != 0) {
            fraction = "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
        }
        return seconds + fraction + "Z";
    }
}
