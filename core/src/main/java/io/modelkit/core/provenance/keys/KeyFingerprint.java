package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * sha256 of a public key's PKIX (SubjectPublicKeyInfo) DER, the value policies pin. Shown as
 * {@code sha256:<hex>}; {@link #hint()} is the same hash in the base64 form sigstore uses for
 * {@code publicKey.hint} and DSSE {@code keyid}.
 */
public record KeyFingerprint(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String PREFIX = "sha256:";

    public KeyFingerprint {
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new ModelKitException("invalid key fingerprint '" + hex + "': expected 64 lowercase hex digits");
        }
    }

    public static KeyFingerprint of(PublicKey key) {
        byte[] pkix = key.getEncoded();
        if (pkix == null || !"X.509".equals(key.getFormat())) {
            throw new ModelKitException("public key " + key.getAlgorithm() + " has no PKIX encoding to fingerprint");
        }
        return new KeyFingerprint(Digest.sha256(pkix).hex());
    }

    /** Parses {@code sha256:<hex>} or bare hex, in either case, as people paste them into policies. */
    public static KeyFingerprint parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return new KeyFingerprint(lower.startsWith(PREFIX) ? lower.substring(PREFIX.length()) : lower);
    }

    /** base64 (standard, padded) of the sha256: sigstore's {@code publicKey.hint}. */
    public String hint() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    public boolean matches(PublicKey key) {
        return equals(of(key));
    }

    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
