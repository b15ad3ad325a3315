package io.modelkit.core.provenance.keys;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The body of cosign's {@code ENCRYPTED SIGSTORE PRIVATE KEY}: go-securesystemslib's
 * {@code encrypted} JSON, scrypt (key length 32) and NaCl secretbox around PKCS#8 DER.
 * <pre>{"kdf":{"name":"scrypt","params":{"N":65536,"r":8,"p":1},"salt":b64},
 *  "cipher":{"name":"nacl/secretbox","nonce":b64},"ciphertext":b64}</pre>
 */
final class CosignKeyFormat {
    /** go-securesystemslib's current default ("standard"); cosign writes it. */
    static final int SCRYPT_N = 65536;
    private static final int SCRYPT_R = 8;
    private static final int SCRYPT_P = 1;
    /** legacy, standard and OWASP: the only N that go-securesystemslib accepts, which also caps the memory scrypt takes. */
    private static final Set<Integer> ACCEPTED_N = Set.of(32768, 65536, 131072);
    private static final int SALT_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CosignKeyFormat() {
    }

    static byte[] encrypt(byte[] pkcs8, char[] password) {
        return encrypt(pkcs8, password, SCRYPT_N);
    }

    /** With an explicit scrypt N, so that tests can also write the cheaper legacy parameters. */
    static byte[] encrypt(byte[] pkcs8, char[] password, int scryptN) {
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(SecretBox.NONCE_BYTES);
        byte[] key = scrypt(password, salt, scryptN);
        byte[] box;
        try {
            box = SecretBox.seal(key, nonce, pkcs8);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.putObject("params").put("N", scryptN).put("r", SCRYPT_R).put("p", SCRYPT_P);
        kdf.put("salt", base64.encodeToString(salt));
        root.putObject("cipher").put("name", "nacl/secretbox").put("nonce", base64.encodeToString(nonce));
        root.put("ciphertext", base64.encodeToString(box));
        return GoJson.write(root);
    }

    /** The PKCS#8 DER inside the JSON {@code body}; {@code name} names the file in errors. */
    static byte[] decrypt(byte[] body, char[] password, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed(name, "the body is not JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(name, "the body is not a JSON object");
        }
        expectName(root.path("kdf"), "kdf", "scrypt", name);
        expectName(root.path("cipher"), "cipher", "nacl/secretbox", name);
        JsonNode params = root.path("kdf").path("params");
        int n = params.path("N").asInt(-1);
        int r = params.path("r").asInt(-1);
        int p = params.path("p").asInt(-1);
        if (!ACCEPTED_N.contains(n) || r != SCRYPT_R || p != SCRYPT_P) {
            throw new ModelKitException("unsupported cosign private key in " + name + ": scrypt parameters N=" + n
                    + ", r=" + r + ", p=" + p + " are not one of cosign's (N=32768, 65536 or 131072, r=8, p=1)");
        }
        byte[] salt = base64(root.path("kdf").path("salt"), "kdf.salt", name);
        byte[] nonce = base64(root.path("cipher").path("nonce"), "cipher.nonce", name);
        byte[] box = base64(root.path("ciphertext"), "ciphertext", name);
        if (nonce.length != SecretBox.NONCE_BYTES) {
            throw malformed(name, "cipher.nonce has " + nonce.length + " bytes, expected 24");
        }
        byte[] key = scrypt(password, salt, n);
        try {
            return SecretBox.open(key, nonce, box).orElseThrow(() -> KeyFiles.cannotDecrypt(name));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void expectName(JsonNode section, String field, String expected, String name) {
        if (!section.isObject()) {
            throw malformed(name, "field '" + field + "' is missing");
        }
        String actual = section.path("name").asText("");
        if (!expected.equals(actual)) {
            throw new ModelKitException("unsupported cosign private key in " + name + ": " + field + ".name is '"
                    + actual + "', expected '" + expected + "'");
        }
    }

    private static byte[] base64(JsonNode node, String field, String name) {
        if (!node.isTextual()) {
            throw malformed(name, "field '" + field + "' is missing or not a string");
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw malformed(name, "field '" + field + "' is not valid base64");
        }
    }

    private static byte[] scrypt(char[] password, byte[] salt, int n) {
        byte[] secret = Passwords.utf8(password);
        try {
            return SCrypt.generate(secret, salt, n, SCRYPT_R, SCRYPT_P, SecretBox.KEY_BYTES);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static ModelKitException malformed(String name, String what) {
        return new ModelKitException("malformed cosign private key in " + name + ": " + what);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
