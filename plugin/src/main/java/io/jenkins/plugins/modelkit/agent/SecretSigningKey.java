package io.jenkins.plugins.modelkit.agent;

import hudson.util.Secret;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A private key on its way to the agent: the key file and its password travel as {@link Secret}s,
 * are decoded only by {@link #read()} on the agent and wiped after use. Messages and
 * {@code toString} name the key only by {@code name}, such as its credential's ID.
 *
 * @param key the private key file's bytes as ISO-8859-1 text (lossless for any bytes)
 * @param name how errors name the key, never its content
 * @param password the key's password, or null for an unencrypted key
 */
public record SecretSigningKey(Secret key, String name, Secret password) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SigningKey read() {
        byte[] pem = key.getPlainText().getBytes(StandardCharsets.ISO_8859_1);
        char[] secret = password == null ? null : password.getPlainText().toCharArray();
        try {
            return KeyFiles.readPrivate(pem, name, secret);
        } finally {
            Arrays.fill(pem, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** Never the key or the password. */
    @Override
    public String toString() {
        return "SecretSigningKey[" + name + "]";
    }
}
