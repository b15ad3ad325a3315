// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/util/Secret.java).
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Stub: no encryption. {@link #getEncryptedValue()} is the Base64 of the value in braces and
 * {@link #decrypt} reads only that form.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    @Override
    @Deprecated
    public String toString() {
        return value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    public String getEncryptedValue() {
        return "{" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "}";
    }

    @CheckForNull
    public static Secret decrypt(@CheckForNull String data) {
        if (data == null || data.length() < 2 || !data.startsWith("{") || !data.endsWith("}")) {
            return null;
        }
        try {
            return new Secret(new String(Base64.getDecoder().decode(data.substring(1, data.length() - 1)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        String d = data == null ? "" : data;
        Secret s = decrypt(d);
        return s == null ? new Secret(d) : s;
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        return s == null ? "" : s.value;
    }
}
