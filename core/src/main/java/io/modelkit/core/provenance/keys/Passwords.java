package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Passwords arrive as {@code char[]} so callers can wipe them; the KDFs want their UTF-8 bytes, as Go and openssl use. */
final class Passwords {
    private Passwords() {
    }

    /** UTF-8 bytes of {@code password}, without an intermediate String; the caller wipes the result. */
    static byte[] utf8(char[] password) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new ModelKitException("the password is not valid Unicode (it contains an unpaired surrogate)");
        }
    }
}
