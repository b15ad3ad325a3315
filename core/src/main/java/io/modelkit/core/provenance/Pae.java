package io.modelkit.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE v1 pre-authentication encoding: the exact bytes that are signed and verified,
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, with lengths in bytes as ASCII
 * decimal. Binding the type into the signed bytes is what stops a signature over one payload type
 * from being replayed as another.
 */
public final class Pae {
    private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

    private Pae() {
    }

    /** The PAE of {@code payloadType} (as UTF-8) and {@code payload}. */
    public static byte[] encode(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREFIX.length + type.length + payload.length + 24);
        out.writeBytes(PREFIX);
        out.writeBytes(length(type.length));
        out.write(' ');
        out.writeBytes(type);
        out.write(' ');
        out.writeBytes(length(payload.length));
        out.write(' ');
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] length(int length) {
        return Integer.toString(length).getBytes(StandardCharsets.US_ASCII);
    }
}
