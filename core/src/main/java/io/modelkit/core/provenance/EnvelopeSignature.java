package io.modelkit.core.provenance;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One DSSE signature. {@code keyid} is an unauthenticated hint, empty when unset (cosign and
 * sigstore-go leave it empty); it never decides which key is trusted.
 */
public record EnvelopeSignature(String keyid, byte[] sig) {
    public EnvelopeSignature {
        keyid = keyid == null ? "" : keyid;
        Objects.requireNonNull(sig, "sig");
        sig = sig.clone();
    }

    /** A signature without a key hint. */
    public static EnvelopeSignature of(byte[] sig) {
        return new EnvelopeSignature("", sig);
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] sig() {
        return sig.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvelopeSignature that && keyid.equals(that.keyid) && Arrays.equals(sig, that.sig);
    }

    @Override
    public int hashCode() {
        return 31 * keyid.hashCode() + Arrays.hashCode(sig);
    }

    @Override
    public String toString() {
        return "EnvelopeSignature[keyid=" + keyid + ", sig=" + Base64.getEncoder().encodeToString(sig) + "]";
    }
}
