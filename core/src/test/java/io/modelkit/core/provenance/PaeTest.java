package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaeTest {
    @Test
    void shouldEncodeTheDsseSpecVector() {
        byte[] pae = Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void shouldCountBytesNotCharacters() {
        byte[] pae = Pae.encode("t\u00e9", "\u20ac".getBytes(StandardCharsets.UTF_8));

        assertThat(pae).isEqualTo("DSSEv1 3 t\u00e9 3 \u20ac".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeInTotoAndEmptyPayloads() {
        assertThat(new String(Pae.encode(Statement.PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 28 application/vnd.in-toto+json 2 {}");
        assertThat(new String(Pae.encode("", new byte[0]), StandardCharsets.UTF_8)).isEqualTo("DSSEv1 0  0 ");
    }

    @Test
    void shouldKeepPayloadBytesAsTheyAre() {
        byte[] payload = {0, (byte) 0xff, ' ', '\n'};

        byte[] pae = Pae.encode("x", payload);

        assertThat(pae).endsWith(payload);
        assertThat(new String(pae, 0, 13, StandardCharsets.US_ASCII)).isEqualTo("DSSEv1 1 x 4 ");
    }
}
