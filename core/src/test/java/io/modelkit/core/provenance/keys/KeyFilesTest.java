package io.modelkit.core.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    private static final SigningKey KEY = KeyPairs.generate();
    private static final char[] PASSWORD = "s3cret-Pässword".toCharArray();

    @Test
    void shouldGenerateP256Keys() {
        assertThat(KEY.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(((java.security.interfaces.ECPublicKey) KEY.publicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(KeyFiles.publicKeyOf(KEY.privateKey())).isEqualTo(KEY.publicKey());
        assertThat(KeyPairs.generate().fingerprint()).isNotEqualTo(KEY.fingerprint());
    }

    @Test
    void shouldRoundTripAPlainPkcs8Key(@TempDir Path dir) throws Exception {
        byte[] pem = KeyFiles.privatePem(KEY.privateKey(), null);
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        Path file = Files.write(dir.resolve("signing.pem"), pem);

        SigningKey read = KeyFiles.readPrivate(file, null);

        assertThat(read.privateKey().getEncoded()).isEqualTo(KEY.privateKey().getEncoded());
        assertThat(read.publicKey()).isEqualTo(KEY.publicKey());
    }

    @Test
    void shouldRoundTripAnEncryptedPkcs8Key() {
        byte[] pem = KeyFiles.privatePem(KEY.privateKey(), PASSWORD);
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");

        assertThat(KeyFiles.readPrivate(pem, "enc.pem", PASSWORD)).isEqualTo(KEY);
        assertThat(KeyFiles.privatePem(KEY.privateKey(), PASSWORD)).as("random salt and IV").isNotEqualTo(pem);
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "enc.pem", "s3cret-Password".toCharArray()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("cannot decrypt private key enc.pem: wrong password or damaged key");
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "enc.pem", null))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("private key enc.pem is encrypted: a password is required");
    }

    @Test
    void shouldRefuseAnEmptyPkcs8Password() {
        assertThatThrownBy(() -> KeyFiles.privatePem(KEY.privateKey(), new char[0]))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("cannot encrypt a private key with an empty password; pass none to write it unencrypted");
    }

    @Test
    void shouldRoundTripTheCosignFormat() throws Exception {
        byte[] pem = KeyFiles.cosignEncryptedPem(KEY.privateKey(), PASSWORD);
        List<Pem.Block> blocks = Pem.decode(pem, "cosign.key");
        assertThat(blocks).singleElement().extracting(Pem.Block::type).isEqualTo("ENCRYPTED SIGSTORE PRIVATE KEY");
        JsonNode body = new ObjectMapper().readTree(blocks.get(0).der());
        assertThat(body.fieldNames()).toIterable().containsExactly("kdf", "cipher", "ciphertext");
        assertThat(body.path("kdf").fieldNames()).toIterable().containsExactly("name", "params", "salt");
        assertThat(body.path("kdf").path("params").toString()).isEqualTo("{\"N\":65536,\"r\":8,\"p\":1}");
        assertThat(body.path("kdf").path("name").asText()).isEqualTo("scrypt");
        assertThat(body.path("cipher").path("name").asText()).isEqualTo("nacl/secretbox");
        assertThat(Base64.getDecoder().decode(body.path("kdf").path("salt").asText())).hasSize(32);
        assertThat(Base64.getDecoder().decode(body.path("cipher").path("nonce").asText())).hasSize(24);
        assertThat(Base64.getDecoder().decode(body.path("ciphertext").asText()))
                .hasSize(KEY.privateKey().getEncoded().length + SecretBox.TAG_BYTES);

        assertThat(KeyFiles.readPrivate(pem, "cosign.key", PASSWORD)).isEqualTo(KEY);
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "cosign.key", "nope".toCharArray()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("cannot decrypt private key cosign.key: wrong password or damaged key");
    }

    @Test
    void shouldReadTheOlderCosignTypeLegacyParametersAndEmptyPasswords() {
        byte[] body = CosignKeyFormat.encrypt(KEY.privateKey().getEncoded(), new char[0], 32768);
        byte[] pem = Pem.encode("ENCRYPTED COSIGN PRIVATE KEY", body);

        assertThat(KeyFiles.readPrivate(pem, "old.key", new char[0])).isEqualTo(KEY);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"params\":{\"N\":32768,\"r\":8,\"p\":1}");
    }

    @Test
    void shouldRefuseCosignScryptParametersOutsideCosignsSets() {
        String body = new String(CosignKeyFormat.encrypt(KEY.privateKey().getEncoded(), PASSWORD, 32768), StandardCharsets.UTF_8)
                .replace("\"N\":32768", "\"N\":1073741824");
        byte[] pem = Pem.encode("ENCRYPTED SIGSTORE PRIVATE KEY", body.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "dos.key", PASSWORD))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("unsupported cosign private key in dos.key: scrypt parameters N=1073741824, r=8, p=1 are not one of "
                        + "cosign's (N=32768, 65536 or 131072, r=8, p=1)");
    }

    @Test
    void shouldNameWhatIsWrongWithAMalformedCosignBody() {
        assertCosignBodyFails("not json", "malformed cosign private key in c.key: the body is not JSON");
        assertCosignBodyFails("[]", "malformed cosign private key in c.key: the body is not a JSON object");
        assertCosignBodyFails("{\"cipher\":{\"name\":\"nacl/secretbox\"}}", "malformed cosign private key in c.key: field 'kdf' is missing");
        assertCosignBodyFails("{\"kdf\":{\"name\":\"pbkdf2\"},\"cipher\":{\"name\":\"nacl/secretbox\"}}",
                "unsupported cosign private key in c.key: kdf.name is 'pbkdf2', expected 'scrypt'");
        String valid = new String(CosignKeyFormat.encrypt(KEY.privateKey().getEncoded(), PASSWORD, 32768), StandardCharsets.UTF_8);
        assertCosignBodyFails(valid.replaceFirst("\"nonce\":\"[^\"]*\"", "\"nonce\":\"AAAA\""),
                "malformed cosign private key in c.key: cipher.nonce has 3 bytes, expected 24");
        assertCosignBodyFails(valid.replaceFirst("\"ciphertext\":\"", "\"ciphertext\":\"*"),
                "malformed cosign private key in c.key: field 'ciphertext' is not valid base64");
        assertCosignBodyFails(valid.replaceFirst(",\"salt\":\"[^\"]*\"", ""),
                "malformed cosign private key in c.key: field 'kdf.salt' is missing or not a string");
    }

    @Test
    void shouldNameWhatIsWrongWithMalformedPem() {
        assertPrivateFails("hello", "no PEM block in k.pem: expected a -----BEGIN ...----- line");
        assertPrivateFails("-----BEGIN PRIVATE KEY-----\nAAAA\n", "malformed PEM in k.pem: BEGIN PRIVATE KEY has no matching END line");
        assertPrivateFails("-----BEGIN PRIVATE KEY-----\nMIG*\n-----END PRIVATE KEY-----\n",
                "malformed PEM in k.pem: the PRIVATE KEY block is not valid base64");
        assertPrivateFails("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                "malformed private key in k.pem: not a PKCS#8 PrivateKeyInfo structure");
        assertPrivateFails("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                "no private key in k.pem: expected a PEM block PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or "
                        + "ENCRYPTED SIGSTORE PRIVATE KEY");
        assertPrivateFails("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
                "malformed ENCRYPTED PRIVATE KEY in k.pem: not a PKCS#8 PBES2 EncryptedPrivateKeyInfo");
        assertPrivateFails("-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
                "malformed EC PRIVATE KEY in k.pem: not a SEC1 ECPrivateKey structure");
    }

    @Test
    void shouldDetectADamagedEncryptedPkcs8Key() {
        byte[] pem = KeyFiles.privatePem(KEY.privateKey(), PASSWORD);
        Pem.Block block = Pem.decode(pem, "k.pem").get(0);
        byte[] der = block.der();
        der[der.length - 20] ^= 0x55;
        byte[] damaged = Pem.encode(block.type(), der);

        assertThatThrownBy(() -> KeyFiles.readPrivate(damaged, "k.pem", PASSWORD))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("cannot decrypt private key k.pem: wrong password or damaged key");
    }

    @Test
    void shouldNeverPutKeyMaterialOrThePasswordInMessages() {
        byte[] pem = KeyFiles.privatePem(KEY.privateKey(), null);
        String body = new String(pem, StandardCharsets.US_ASCII).split("\n")[1];
        byte[] broken = new String(pem, StandardCharsets.US_ASCII).replace(body, body.substring(0, 40) + "!" + body.substring(41))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = KeyFiles.cosignEncryptedPem(KEY.privateKey(), PASSWORD);

        for (Throwable failure : List.of(
                catchFailure(() -> KeyFiles.readPrivate(broken, "k.pem", null)),
                catchFailure(() -> KeyFiles.readPrivate(encrypted, "k.pem", "s3cret-Pässwort".toCharArray())))) {
            assertThat(failure).isInstanceOf(ModelKitException.class);
            assertThat(failure.getMessage()).doesNotContain(body.substring(0, 16)).doesNotContain("s3cret");
        }
        assertThat(KEY.toString()).isEqualTo("SigningKey[EC, " + KEY.fingerprint() + "]");
    }

    @Test
    void shouldRoundTripPublicKeysAndRefuseOthers(@TempDir Path dir) throws Exception {
        byte[] pem = KeyFiles.publicPem(KEY.publicKey());
        assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(KeyFiles.readPublic(Files.write(dir.resolve("cosign.pub"), pem))).isEqualTo(KEY.publicKey());
        assertThat(KeyFiles.readPublic(pem.clone(), "cosign.pub")).isEqualTo(KEY.publicKey());

        byte[] privatePem = KeyFiles.privatePem(KEY.privateKey(), null);
        assertThatThrownBy(() -> KeyFiles.readPublic(privatePem, "cosign.pub"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("no public key in cosign.pub: expected a PEM block PUBLIC KEY, found PRIVATE KEY");
        assertThatThrownBy(() -> KeyFiles.readPublic(Pem.encode("PUBLIC KEY", new byte[] {0x30, 0}), "cosign.pub"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("malformed public key in cosign.pub: not a PKIX SubjectPublicKeyInfo structure");
        assertThatThrownBy(() -> KeyFiles.readPublic(dir.resolve("missing.pub")))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("cannot read key file " + dir.resolve("missing.pub"));
    }

    private static void assertPrivateFails(String pem, String message) {
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem.getBytes(StandardCharsets.US_ASCII), "k.pem", PASSWORD))
                .isInstanceOf(ModelKitException.class)
                .hasMessage(message);
    }

    private static void assertCosignBodyFails(String body, String message) {
        byte[] pem = Pem.encode("ENCRYPTED SIGSTORE PRIVATE KEY", body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KeyFiles.readPrivate(pem, "c.key", PASSWORD))
                .isInstanceOf(ModelKitException.class)
                .hasMessage(message);
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
