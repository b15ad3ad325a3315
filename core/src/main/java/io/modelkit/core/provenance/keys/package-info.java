/**
 * Signing keys for provenance: {@link io.modelkit.core.provenance.keys.KeyPairs new ECDSA P-256
 * keys}, {@link io.modelkit.core.provenance.keys.KeyFiles PEM files} in the formats openssl and
 * cosign use (PKCS#8, PBES2-encrypted PKCS#8, SEC1, cosign's scrypt + secretbox format, PKIX
 * public keys) and {@link io.modelkit.core.provenance.keys.KeyFingerprint fingerprints}
 * ({@code sha256} of the PKIX DER) that policies pin.
 *
 * <p>Only the JDK's providers are used for keys and signatures; BouncyCastle's lightweight API
 * supplies what the JDK lacks (scrypt, XSalsa20-Poly1305, EC point arithmetic, ASN.1 structures)
 * and is never registered as a provider, so nothing changes for the rest of the JVM.
 */
package io.modelkit.core.provenance.keys;
