package io.modelkit.cli.command;

import io.modelkit.cli.CliContext;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The password of a private key: from standard input ({@code --password-stdin}) or from
 * {@code MODELKIT_KEY_PASSWORD}, never from the command line, where other users and logs see it.
 */
final class KeyPassword {
    static final String VARIABLE = "MODELKIT_KEY_PASSWORD";
    private static final int MAX_BYTES = 4096;

    private KeyPassword() {
    }

    /** The password, or null when neither source gives one (an unencrypted key). */
    static char[] read(CliContext context, boolean fromStdin) throws IOException {
        if (fromStdin) {
            byte[] bytes = context.in().readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ModelKitException("the key password on standard input is longer than " + MAX_BYTES + " bytes");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.stripTrailing().toCharArray() : text.toCharArray();
        }
        String value = context.env().get(VARIABLE);
        return value == null ? null : value.toCharArray();
    }
}
