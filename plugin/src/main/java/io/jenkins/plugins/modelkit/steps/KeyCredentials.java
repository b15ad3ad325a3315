package io.jenkins.plugins.modelkit.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.agent.SecretSigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Keys from the Credentials plugin, looked up for the build and tracked on it: the signing key is a
 * "Secret file", its password a "Secret text"; a trusted public key may be either. Contents leave
 * here as {@link Secret}s (or, for public keys, as text) and are never part of a message.
 */
final class KeyCredentials {
    private KeyCredentials() {
    }

    /** The signing key and its password (null: an unencrypted key), on their way to the agent. */
    static SecretSigningKey signing(Run<?, ?> run, String keyId, String passwordId) throws IOException {
        return new SecretSigningKey(signingKey(run, keyId), "credentials '" + keyId + "'",
                passwordId == null ? null : password(run, passwordId));
    }

    /** The signing key file's bytes as ISO-8859-1 text, which keeps any byte as it is. */
    static Secret signingKey(Run<?, ?> run, String id) throws IOException {
        FileCredentials file = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (file == null) {
            throw new AbortException(Messages.KeyCredentials_SigningKeyNotFound(id));
        }
        CredentialsProvider.track(run, file);
        return Secret.fromString(content(file));
    }

    static Secret password(Run<?, ?> run, String id) throws AbortException {
        StringCredentials text = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (text == null) {
            throw new AbortException(Messages.KeyCredentials_PasswordNotFound(id));
        }
        CredentialsProvider.track(run, text);
        return text.getSecret();
    }

    /** A trusted public key's PEM text, from a Secret file or a Secret text. */
    static String publicKey(Run<?, ?> run, String id) throws IOException {
        StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        String pem;
        if (credentials instanceof FileCredentials file) {
            pem = content(file);
        } else if (credentials instanceof StringCredentials text) {
            pem = text.getSecret().getPlainText();
        } else {
            throw new AbortException(Messages.KeyCredentials_PublicKeyNotFound(id));
        }
        CredentialsProvider.track(run, credentials);
        return pem;
    }

    private static String content(FileCredentials file) throws IOException {
        try (InputStream in = file.getContent()) {
            byte[] bytes = in.readAllBytes();
            try {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
