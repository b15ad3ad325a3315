package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Key files as PEM. Private keys: PKCS#8 {@code PRIVATE KEY}, PBES2-encrypted
 * {@code ENCRYPTED PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} (read only) and cosign's
 * {@code ENCRYPTED SIGSTORE PRIVATE KEY} / {@code ENCRYPTED COSIGN PRIVATE KEY}. Public keys: PKIX
 * {@code PUBLIC KEY}, the format of {@code cosign.pub}.
 *
 * <p>Passwords are {@code char[]} owned by the caller, who wipes them; an empty password is a
 * valid cosign password. Errors name the file and never contain key material or the password.
 */
public final class KeyFiles {
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    static final String SIGSTORE_PRIVATE_KEY = "ENCRYPTED SIGSTORE PRIVATE KEY";
    static final String COSIGN_PRIVATE_KEY = "ENCRYPTED COSIGN PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final Set<String> PRIVATE_TYPES =
            Set.of(PRIVATE_KEY, ENCRYPTED_PRIVATE_KEY, EC_PRIVATE_KEY, SIGSTORE_PRIVATE_KEY, COSIGN_PRIVATE_KEY);
    /** The public key algorithms verifiers meet in cosign.pub files; signing itself is EC only. */
    private static final Map<ASN1ObjectIdentifier, String> PUBLIC_ALGORITHMS = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            new ASN1ObjectIdentifier("1.3.101.112"), "Ed25519");

    private KeyFiles() {
    }

    /** Reads the private key in {@code file}; {@code password} may be null for unencrypted keys. */
    public static SigningKey readPrivate(Path file, char[] password) {
        return readPrivate(read(file), file.toString(), password);
    }

    /**
     * Reads the first private key block of {@code pem}; {@code name} names it in errors and
     * {@code password} may be null for unencrypted keys.
     */
    public static SigningKey readPrivate(byte[] pem, String name, char[] password) {
        Pem.Block block = Pem.decode(pem, name).stream()
                .filter(candidate -> PRIVATE_TYPES.contains(candidate.type()))
                .findFirst()
                .orElseThrow(() -> new ModelKitException("no private key in " + name + ": expected a PEM block "
                        + "PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED SIGSTORE PRIVATE KEY"));
        byte[] pkcs8 = pkcs8(block, name, password);
        try {
            PrivateKey privateKey = EcKeys.privateFromPkcs8(pkcs8, name);
            return new SigningKey(privateKey, EcKeys.publicOf(privateKey));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Reads the public key in {@code file}. */
    public static PublicKey readPublic(Path file) {
        return readPublic(read(file), file.toString());
    }

    /** Reads the first {@code PUBLIC KEY} block of {@code pem}: an EC, RSA or Ed25519 key. */
    public static PublicKey readPublic(byte[] pem, String name) {
        List<Pem.Block> blocks = Pem.decode(pem, name);
        Pem.Block block = blocks.stream()
                .filter(candidate -> PUBLIC_KEY.equals(candidate.type()))
                .findFirst()
                .orElseThrow(() -> new ModelKitException("no public key in " + name + ": expected a PEM block PUBLIC KEY, found "
                        + blocks.get(0).type()));
        ASN1ObjectIdentifier algorithm;
        try {
            algorithm = SubjectPublicKeyInfo.getInstance(block.der()).getAlgorithm().getAlgorithm();
        } catch (IllegalArgumentException e) {
            throw new ModelKitException("malformed public key in " + name + ": not a PKIX SubjectPublicKeyInfo structure");
        }
        String keyFactory = PUBLIC_ALGORITHMS.get(algorithm);
        if (keyFactory == null) {
            throw new ModelKitException("unsupported public key in " + name + ": " + EcKeys.algorithmName(algorithm)
                    + " (supported: EC, RSA, Ed25519)");
        }
        try {
            return KeyFactory.getInstance(keyFactory).generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException e) {
            throw new ModelKitException("malformed public key in " + name + ": not a valid " + keyFactory + " public key");
        }
    }

    /** PKCS#8 PEM of {@code key}: {@code PRIVATE KEY}, or {@code ENCRYPTED PRIVATE KEY} (PBES2) when a password is given. */
    public static byte[] privatePem(PrivateKey key, char[] passwordOrNull) {
        byte[] pkcs8 = pkcs8Of(key);
        try {
            if (passwordOrNull == null) {
                return Pem.encode(PRIVATE_KEY, pkcs8);
            }
            if (passwordOrNull.length == 0) {
                throw new ModelKitException("cannot encrypt a private key with an empty password; pass none to write it unencrypted");
            }
            return Pem.encode(ENCRYPTED_PRIVATE_KEY, Pkcs8Encryption.encrypt(pkcs8, passwordOrNull));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** cosign's {@code ENCRYPTED SIGSTORE PRIVATE KEY}, as {@code cosign generate-key-pair} and {@code import-key-pair} write it. */
    public static byte[] cosignEncryptedPem(PrivateKey key, char[] password) {
        byte[] pkcs8 = pkcs8Of(key);
        try {
            return Pem.encode(SIGSTORE_PRIVATE_KEY, CosignKeyFormat.encrypt(pkcs8, password));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** PKIX {@code PUBLIC KEY} PEM of {@code key}, byte-identical to cosign.pub and {@code openssl pkey -pubout}. */
    public static byte[] publicPem(PublicKey key) {
        if (!"X.509".equals(key.getFormat())) {
            throw new ModelKitException("public key " + key.getAlgorithm() + " has no PKIX encoding");
        }
        return Pem.encode(PUBLIC_KEY, key.getEncoded());
    }

    /** The public half of the EC {@code key}. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        pkcs8Of(key);
        return EcKeys.publicOf(key);
    }

    static ModelKitException cannotDecrypt(String name) {
        return new ModelKitException("cannot decrypt private key " + name + ": wrong password or damaged key");
    }

    private static byte[] pkcs8(Pem.Block block, String name, char[] password) {
        if (block.headers()) {
            throw new ModelKitException("unsupported private key in " + name + ": a " + block.type() + " block with "
                    + "Proc-Type/DEK-Info headers (legacy openssl encryption); convert it with 'openssl pkcs8 -topk8'");
        }
        return switch (block.type()) {
            case PRIVATE_KEY -> block.der();
            case EC_PRIVATE_KEY -> EcKeys.sec1ToPkcs8(block.der(), name);
            case ENCRYPTED_PRIVATE_KEY -> Pkcs8Encryption.decrypt(block.der(), required(password, name), name);
            default -> CosignKeyFormat.decrypt(block.der(), required(password, name), name);
        };
    }

    private static char[] required(char[] password, String name) {
        if (password == null) {
            throw new ModelKitException("private key " + name + " is encrypted: a password is required");
        }
        return password;
    }

    private static byte[] pkcs8Of(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat()) || !"EC".equals(key.getAlgorithm())) {
            throw new ModelKitException("unsupported private key: expected an EC key with a PKCS#8 encoding, found "
                    + key.getAlgorithm());
        }
        return encoded;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelKitException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }
}
