package io.modelkit.core.provenance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyFingerprintTest {
    // A fixed P-256 public key; its fingerprint was computed with
    // `openssl pkey -pubin -outform DER | sha256sum` (OpensslInteropTest repeats that for fresh keys).
    private static final String PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiEVcVsRheHI+FZLT8xn+ytES508y
            PHZViKdQfuHvDEimjvYoXaKjXm/bkIg2uzMGDk9cWLonDn2x6tmNAUMkpA==
            -----END PUBLIC KEY-----
            """;
    private static final String FIXED_HEX = "eb26ff9740e8b60c1529db01ec78f662dfba81bb97bf2fe49493a7d4b01d4586";

    @Test
    void shouldHashThePkixDer() {
        var key = KeyFiles.readPublic(PUBLIC_PEM.getBytes(StandardCharsets.US_ASCII), "fixed.pub");
        byte[] der = Base64.getMimeDecoder().decode(PUBLIC_PEM.replaceAll("-----[A-Z ]+-----", ""));

        KeyFingerprint fingerprint = KeyFingerprint.of(key);

        assertThat(fingerprint.hex()).isEqualTo(Digest.sha256(der).hex()).isEqualTo(FIXED_HEX);
        assertThat(fingerprint).hasToString("sha256:" + FIXED_HEX);
        assertThat(fingerprint.hint()).isEqualTo(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(FIXED_HEX)));
        assertThat(fingerprint.matches(key)).isTrue();
        assertThat(fingerprint.matches(KeyPairs.generate().publicKey())).isFalse();
    }

    @Test
    void shouldParseWhatPeoplePaste() {
        assertThat(KeyFingerprint.parse(" SHA256:" + FIXED_HEX.toUpperCase() + "\n")).isEqualTo(new KeyFingerprint(FIXED_HEX));
        assertThat(KeyFingerprint.parse(FIXED_HEX)).isEqualTo(new KeyFingerprint(FIXED_HEX));
        assertThatThrownBy(() -> KeyFingerprint.parse("sha256:abc"))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("invalid key fingerprint 'abc': expected 64 lowercase hex digits");
    }
}
