package io.modelkit.core.provenance.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/** An EC private key with its public half. {@link #toString()} shows only the public fingerprint. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The fingerprint of {@link #publicKey()}, which names this key in policies and bundles. */
    public KeyFingerprint fingerprint() {
        return KeyFingerprint.of(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[" + privateKey.getAlgorithm() + ", " + fingerprint() + "]";
    }
}
