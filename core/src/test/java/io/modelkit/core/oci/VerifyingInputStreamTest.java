package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
    private static final byte[] CONTENT = "hello world".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPassMatchingContent() throws Exception {
        try (InputStream in = new VerifyingInputStream(new ByteArrayInputStream(CONTENT), Digest.sha256(CONTENT), CONTENT.length, "blob")) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
    }

    @Test
    void shouldFailAtTheEndOnMismatch() {
        Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
        InputStream in = new VerifyingInputStream(new ByteArrayInputStream(CONTENT), other, -1, "blob x");

        assertThatThrownBy(in::readAllBytes).isInstanceOf(ModelKitException.class)
                .hasMessage("blob x: content does not match its digest: expected " + other + ", got " + Digest.sha256(CONTENT));
    }

    @Test
    void shouldFailOnWrongSize() {
        InputStream shorter = new VerifyingInputStream(new ByteArrayInputStream(CONTENT), Digest.sha256(CONTENT), 12, "blob");
        InputStream longer = new VerifyingInputStream(new ByteArrayInputStream(CONTENT), Digest.sha256(CONTENT), 5, "blob");

        assertThatThrownBy(shorter::readAllBytes).hasMessageContaining("has 11 bytes, expected 12");
        assertThatThrownBy(longer::readAllBytes).hasMessageContaining("is longer than its expected size 5");
    }
}
