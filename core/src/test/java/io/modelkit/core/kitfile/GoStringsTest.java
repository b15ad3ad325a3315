package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

    @Test
    void shouldReplaceEachInvalidByteAsGoDoes() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC3, (byte) 0xA9,
            (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xC0, (byte) 0xAF};

        assertThat(GoStrings.decodeUtf8(bytes)).isEqualTo("a\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFDé😀\uFFFD\uFFFD");
    }
}
