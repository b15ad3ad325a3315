package io.modelkit.core.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    // The crypto_secretbox known answer from NaCl's tests/secretbox.c, as carried by libsodium
    // (test/default/secretbox.c) and PyNaCl (tests/test_secret.py, VECTORS): box = tag || ciphertext.
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5e"
            + "cbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8"
            + "250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde048977eb4"
            + "8f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    private static final byte[] BOX = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce483"
            + "32ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c2"
            + "0f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae902243685"
            + "17acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d"
            + "14a6599b1f654cb45a74e355a5");

    @Test
    void shouldSealTheNaclKnownAnswer() {
        assertThat(BOX).hasSize(SecretBox.TAG_BYTES + MESSAGE.length);
        assertThat(HEX.formatHex(SecretBox.seal(KEY, NONCE, MESSAGE))).isEqualTo(HEX.formatHex(BOX));
    }

    @Test
    void shouldOpenTheNaclKnownAnswer() {
        assertThat(SecretBox.open(KEY, NONCE, BOX)).hasValueSatisfying(message -> assertThat(message).isEqualTo(MESSAGE));
    }

    @Test
    void shouldRefuseAnAlteredTagCiphertextKeyOrNonce() {
        for (int index : new int[] {0, 15, 16, BOX.length - 1}) {
            byte[] altered = BOX.clone();
            altered[index] ^= 1;
            assertThat(SecretBox.open(KEY, NONCE, altered)).as("byte %d flipped", index).isEmpty();
        }
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 1;
        assertThat(SecretBox.open(otherKey, NONCE, BOX)).isEmpty();
        byte[] otherNonce = NONCE.clone();
        otherNonce[23] ^= 1;
        assertThat(SecretBox.open(KEY, otherNonce, BOX)).isEmpty();
    }

    @Test
    void shouldRefuseABoxShorterThanItsTag() {
        assertThat(SecretBox.open(KEY, NONCE, new byte[15])).isEmpty();
        assertThat(SecretBox.open(KEY, NONCE, SecretBox.seal(KEY, NONCE, new byte[0]))).hasValue(new byte[0]);
    }
}
