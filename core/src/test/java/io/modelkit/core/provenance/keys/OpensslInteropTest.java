package io.modelkit.core.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Keys cross between openssl and this package in both directions, byte for byte where bytes are defined. */
class OpensslInteropTest {
    private static final byte[] NONE = new byte[0];
    private static final char[] PASSWORD = "correct horse ✓".toCharArray();
    private static final String OPENSSL_PASS = "pass:correct horse ✓";

    @Test
    void shouldBeRunWithOpensslInstalled() throws Exception {
        assertThat(new String(Openssl.run(NONE, "version"), StandardCharsets.UTF_8)).startsWith("OpenSSL");
    }

    @Test
    void shouldReadAnOpensslPkcs8Key() throws Exception {
        byte[] pem = Openssl.run(NONE, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n");

        SigningKey key = KeyFiles.readPrivate(pem, "openssl.pem", null);

        assertThat(KeyFiles.publicPem(key.publicKey())).isEqualTo(Openssl.run(pem, "pkey", "-pubout"));
        assertSignsFor(key, key.publicKey());
    }

    @Test
    void shouldReadAnOpensslEncryptedPkcs8Key() throws Exception {
        byte[] pem = Openssl.run(NONE, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-aes-256-cbc", "-pass", OPENSSL_PASS);
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");

        SigningKey key = KeyFiles.readPrivate(pem, "openssl-enc.pem", PASSWORD);

        assertThat(KeyFiles.publicPem(key.publicKey())).isEqualTo(Openssl.run(pem, "pkey", "-pubout", "-passin", OPENSSL_PASS));
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "openssl-enc.pem", "wrong".toCharArray()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("cannot decrypt private key openssl-enc.pem: wrong password or damaged key");
    }

    @Test
    void shouldReadAnOpensslAes128Sha1Pkcs8Key() throws Exception {
        byte[] plain = Openssl.run(NONE, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        byte[] pem = Openssl.run(plain, "pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1",
                "-passout", OPENSSL_PASS);

        SigningKey key = KeyFiles.readPrivate(pem, "aes128.pem", PASSWORD);

        assertThat(KeyFiles.publicPem(key.publicKey())).isEqualTo(Openssl.run(plain, "pkey", "-pubout"));
    }

    @Test
    void shouldReadSec1KeysWithAndWithoutTheParametersBlock() throws Exception {
        byte[] withParameters = Openssl.run(NONE, "ecparam", "-name", "prime256v1", "-genkey");
        assertThat(new String(withParameters, StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN EC PARAMETERS-----").contains("-----BEGIN EC PRIVATE KEY-----");
        byte[] sec1 = Openssl.run(withParameters, "ec");
        assertThat(new String(sec1, StandardCharsets.US_ASCII)).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
        byte[] expectedPublic = Openssl.run(sec1, "pkey", "-pubout");

        assertThat(KeyFiles.publicPem(KeyFiles.readPrivate(withParameters, "params.pem", null).publicKey())).isEqualTo(expectedPublic);
        SigningKey key = KeyFiles.readPrivate(sec1, "sec1.pem", null);
        assertThat(KeyFiles.publicPem(key.publicKey())).isEqualTo(expectedPublic);
        assertSignsFor(key, key.publicKey());
    }

    @Test
    void shouldRefuseLegacyHeaderEncryptedSec1WithAdvice() throws Exception {
        byte[] sec1 = Openssl.run(Openssl.run(NONE, "ecparam", "-name", "prime256v1", "-genkey", "-noout"),
                "ec", "-aes256", "-passout", OPENSSL_PASS);
        assertThat(new String(sec1, StandardCharsets.US_ASCII)).contains("Proc-Type: 4,ENCRYPTED");

        assertThatThrownBy(() -> KeyFiles.readPrivate(sec1, "legacy.pem", PASSWORD))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("unsupported private key in legacy.pem: a EC PRIVATE KEY block with Proc-Type/DEK-Info headers "
                        + "(legacy openssl encryption); convert it with 'openssl pkcs8 -topk8'");
    }

    @Test
    void shouldRefuseAnRsaKeyNamingItsAlgorithm() throws Exception {
        byte[] rsa = Openssl.run(NONE, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");

        assertThatThrownBy(() -> KeyFiles.readPrivate(rsa, "rsa.pem", null))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("unsupported private key in rsa.pem: expected an EC (ECDSA) key, found RSA");
    }

    @Test
    void shouldWriteAPlainKeyOpensslReads() throws Exception {
        SigningKey key = KeyPairs.generate();
        byte[] pem = KeyFiles.privatePem(key.privateKey(), null);

        assertThat(Openssl.run(pem, "pkey", "-pubout")).isEqualTo(KeyFiles.publicPem(key.publicKey()));
        assertThat(new String(Openssl.run(pem, "pkey", "-noout", "-text"), StandardCharsets.US_ASCII))
                .contains("ASN1 OID: prime256v1").contains("NIST CURVE: P-256");
    }

    @Test
    void shouldWriteAnEncryptedKeyOpensslReadsWithThePasswordOnly() throws Exception {
        SigningKey key = KeyPairs.generate();
        byte[] pem = KeyFiles.privatePem(key.privateKey(), PASSWORD);

        assertThat(Openssl.run(pem, "pkey", "-pubout", "-passin", OPENSSL_PASS)).isEqualTo(KeyFiles.publicPem(key.publicKey()));
        String structure = new String(Openssl.run(pem, "asn1parse"), StandardCharsets.US_ASCII);
        assertThat(structure).contains(":PBES2").contains(":PBKDF2").contains(":hmacWithSHA256").contains(":aes-256-cbc")
                .contains("INTEGER           :0927C0"); // 600000 iterations
        assertThatThrownBy(() -> Openssl.run(pem, "pkey", "-pubout", "-passin", "pass:wrong"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldFingerprintThePkixDerAsOpensslAndSha256sumDo() throws Exception {
        SigningKey key = KeyPairs.generate();
        byte[] pkix = Openssl.run(KeyFiles.publicPem(key.publicKey()), "pkey", "-pubin", "-outform", "DER");
        String digest = new String(Openssl.run(pkix, "dgst", "-sha256", "-r"), StandardCharsets.US_ASCII).substring(0, 64);

        KeyFingerprint fingerprint = KeyFingerprint.of(key.publicKey());

        assertThat(fingerprint.hex()).isEqualTo(digest);
        byte[] binary = Openssl.run(pkix, "dgst", "-sha256", "-binary");
        assertThat(fingerprint.hint()).isEqualTo(new String(Openssl.run(binary, "base64", "-A"), StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().parseHex(fingerprint.hex())).isEqualTo(binary);
    }

    @Test
    void shouldReadAPublicKeyOpensslWrote() throws Exception {
        byte[] privatePem = Openssl.run(NONE, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        byte[] publicPem = Openssl.run(privatePem, "pkey", "-pubout");

        PublicKey key = KeyFiles.readPublic(publicPem, "cosign.pub");

        assertThat(KeyFiles.publicPem(key)).isEqualTo(publicPem);
        assertSignsFor(KeyFiles.readPrivate(privatePem, "k.pem", null), key);
    }

    private static void assertSignsFor(SigningKey signer, PublicKey verifier) throws Exception {
        byte[] data = "DSSEv1 29 http://example.com/HelloWorld 11 hello world".getBytes(StandardCharsets.UTF_8);
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign(signer.privateKey());
        sign.update(data);
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(verifier);
        verify.update(data);
        assertThat(verify.verify(sign.sign())).isTrue();
    }
}
