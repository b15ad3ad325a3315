package io.modelkit.cli.command;

import io.modelkit.cli.CliContext;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The password of a private key: from standard input ({@code --password-stdin}, which wins) or from
 * {@code MODELKIT_KEY_PASSWORD}, never from the command line, where other users and logs see it.
 * It is kept as characters and the buffers it passed through are wiped.
 */
final class KeyPassword {
    static final String VARIABLE = "MODELKIT_KEY_PASSWORD";
    private static final int MAX_BYTES = 64 * 1024;

    private KeyPassword() {
    }

    /** The password, or null when neither source gives one (an unencrypted key). */
    static char[] read(CliContext context, boolean fromStdin) throws IOException {
        if (fromStdin) {
            byte[] bytes = context.in().readNBytes(MAX_BYTES + 1);
            try {
                if (bytes.length > MAX_BYTES) {
                    throw new ModelKitException("the password on standard input is longer than " + MAX_BYTES + " bytes");
                }
                return withoutLineBreak(StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        String value = context.env().get(VARIABLE);
        return value == null ? null : value.toCharArray();
    }

    /** The characters without one trailing {@code \n} or {@code \r\n}, as echo and a typed line add them. */
    private static char[] withoutLineBreak(CharBuffer decoded) {
        int length = decoded.remaining();
        if (length > 0 && decoded.get(length - 1) == '\n') {
            length--;
            if (length > 0 && decoded.get(length - 1) == '\r') {
                length--;
            }
        }
        char[] password = new char[length];
        decoded.get(password);
        decoded.clear();
        while (decoded.hasRemaining()) {
            decoded.put('\0');
        }
        return password;
    }
}
