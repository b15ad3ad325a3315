package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * PKCS#8 {@code EncryptedPrivateKeyInfo} with PBES2: PBKDF2 and AES-CBC, what openssl 3 writes by
 * default. The ASN.1 is assembled here because Java 17's {@code EncryptedPrivateKeyInfo} cannot
 * encode PBES2 parameters ({@code AlgorithmId} rejects the name {@code PBEWithHmacSHA256AndAES_256})
 * and reports PBES2 as an algorithm no {@code Cipher} accepts; the crypto itself is plain JCA.
 */
final class Pkcs8Encryption {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; openssl's default of 2048 is too cheap to guess against. */
    static final int ITERATIONS = 600_000;
    /** Reading refuses more, so that a crafted file cannot keep a build busy for hours. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 16;
    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "PBKDF2WithHmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA224, "PBKDF2WithHmacSHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "PBKDF2WithHmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "PBKDF2WithHmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "PBKDF2WithHmacSHA512");
    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkcs8Encryption() {
    }

    /** {@code EncryptedPrivateKeyInfo} DER: PBKDF2-HMAC-SHA256, AES-256-CBC, random salt and IV. */
    static byte[] encrypt(byte[] pkcs8, char[] password) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        byte[] key = pbkdf2("PBKDF2WithHmacSHA256", password, salt, ITERATIONS, 32);
        try {
            byte[] encrypted = aes(Cipher.ENCRYPT_MODE, key, iv, pkcs8);
            var kdf = new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, ITERATIONS,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE)));
            var scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
            var algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf, scheme));
            return new EncryptedPrivateKeyInfo(algorithm, encrypted).getEncoded();
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new IllegalStateException("encryption with padding takes any input", e);
        } catch (IOException e) {
            throw new IllegalStateException("encoding to memory cannot fail", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The PKCS#8 DER inside {@code der}; {@code name} names the file in errors. */
    static byte[] decrypt(byte[] der, char[] password, String name) {
        Parameters parameters;
        try {
            parameters = parameters(der, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            // BouncyCastle's getInstance throws on wrong structures and returns null for missing parts
            throw new ModelKitException("malformed ENCRYPTED PRIVATE KEY in " + name + ": not a PKCS#8 PBES2 EncryptedPrivateKeyInfo");
        }
        byte[] key = pbkdf2(parameters.prf(), password, parameters.salt(), parameters.iterations(), parameters.keyBytes());
        try {
            byte[] pkcs8 = aes(Cipher.DECRYPT_MODE, key, parameters.iv(), parameters.encrypted());
            PrivateKeyInfo.getInstance(pkcs8);
            return pkcs8;
        } catch (BadPaddingException | IllegalBlockSizeException | IllegalArgumentException e) {
            // a wrong password shows as bad padding, or (1 time in 256) as padding that parses to garbage
            throw KeyFiles.cannotDecrypt(name);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private record Parameters(String prf, byte[] salt, int iterations, int keyBytes, byte[] iv, byte[] encrypted) {
    }

    private static Parameters parameters(byte[] der, String name) {
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
        AlgorithmIdentifier algorithm = info.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            throw new ModelKitException("unsupported encrypted private key in " + name + ": encrypted with "
                    + algorithm.getAlgorithm().getId() + ", only PBES2 (openssl's default) is supported");
        }
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
        KeyDerivationFunc kdf = pbes2.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw new ModelKitException("unsupported encrypted private key in " + name + ": key derivation "
                    + kdf.getAlgorithm().getId() + ", only PBKDF2 is supported");
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        String prf = PRFS.get(pbkdf2.getPrf().getAlgorithm());
        EncryptionScheme scheme = pbes2.getEncryptionScheme();
        Integer keyBytes = AES_KEY_BYTES.get(scheme.getAlgorithm());
        if (prf == null || keyBytes == null) {
            throw new ModelKitException("unsupported encrypted private key in " + name
                    + ": only PBKDF2 with HMAC-SHA1/SHA2 and AES-CBC are supported");
        }
        BigInteger iterations = pbkdf2.getIterationCount();
        if (iterations.signum() <= 0 || iterations.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new ModelKitException("unsupported encrypted private key in " + name + ": PBKDF2 iteration count "
                    + iterations + " is outside 1.." + MAX_ITERATIONS);
        }
        byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
        if (iv.length != IV_BYTES) {
            throw new ModelKitException("malformed ENCRYPTED PRIVATE KEY in " + name + ": the AES-CBC IV is not 16 bytes");
        }
        return new Parameters(prf, pbkdf2.getSalt(), iterations.intValue(), keyBytes, iv, info.getEncryptedData());
    }

    private static byte[] pbkdf2(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] aes(int mode, byte[] key, byte[] iv, byte[] input)
            throws BadPaddingException, IllegalBlockSizeException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException | InvalidKeyException
                | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("every Java 17 runtime has AES/CBC/PKCS5Padding with 256-bit keys", e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
