// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/SecretBytes.java).
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Stub: the bytes are kept as they are, not encrypted; {@link #fromBytes} never tries to decrypt.
 * Upstream also declares getEncryptedData, decrypt, fromString, isSecretBytes and the XStream and
 * Stapler converters; not declared.
 */
public class SecretBytes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] value;

    private SecretBytes(byte[] value) {
        this.value = value.clone();
    }

    /** As upstream, the caller owns (and should wipe) the returned copy. */
    @NonNull
    public byte[] getPlainData() {
        return value.clone();
    }

    /** @deprecated upstream prefers {@link #fromRawBytes(byte[])} */
    @Deprecated
    public static SecretBytes fromBytes(byte[] data) {
        return fromRawBytes(data);
    }

    public static SecretBytes fromRawBytes(byte[] data) {
        return new SecretBytes(data == null ? new byte[0] : data);
    }
}
