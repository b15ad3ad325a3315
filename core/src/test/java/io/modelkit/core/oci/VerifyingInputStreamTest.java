package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
    private static final byte[] BLOB = "the bytes of a blob".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.sha256(BLOB);

    @Test
    void shouldVerifyWhenReadToTheEnd() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BLOB), DIGEST, BLOB.length, "blob");

        assertThat(in.readAllBytes()).isEqualTo(BLOB);
        assertThat(in.verified()).isTrue();
        assertThat(in.bytesRead()).isEqualTo(BLOB.length);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void shouldFailAtTheEndNamingBothDigestsAndTheBlob() throws IOException {
        byte[] other = "other bytes of a blob".getBytes(StandardCharsets.UTF_8);
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(other), DIGEST, -1, "layer 'data'");

        assertThat(in.readNBytes(other.length)).isEqualTo(other);
        assertThatThrownBy(in::read)
                .isInstanceOf(BlobVerificationException.class)
                .hasMessage("layer 'data': digest mismatch: expected " + DIGEST + ", actual " + Digest.sha256(other));
        assertThatThrownBy(in::read).isInstanceOf(BlobVerificationException.class);
    }

    @Test
    void shouldFailWhenShorterThanTheDescriptor() {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BLOB), DIGEST, BLOB.length + 1, "blob");

        assertThatThrownBy(in::readAllBytes)
                .isInstanceOf(BlobVerificationException.class)
                .hasMessage("blob: blob has " + BLOB.length + " bytes but its descriptor states " + (BLOB.length + 1)
                        + " (expected digest " + DIGEST + ", actual " + DIGEST + ")");
    }

    @Test
    void shouldStopAsSoonAsTheBlobExceedsTheDescriptor() {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BLOB), DIGEST, 5, "blob");

        assertThatThrownBy(() -> in.read(new byte[64]))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessage("blob: blob is larger than the 5 bytes its descriptor states (expected " + DIGEST + ")");
    }

    @Test
    void shouldHashSkippedBytesAndVerifyWhenDrained() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BLOB), DIGEST, BLOB.length, "blob");

        assertThat(in.skip(4)).isEqualTo(4);
        assertThat(in.read()).isEqualTo('b');
        assertThat(in.drainAndVerify()).isEqualTo(DIGEST);
        assertThat(in.verified()).isTrue();
    }

    @Test
    void shouldNotVerifyWhenClosedEarly() throws IOException {
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(BLOB), Digest.sha256(new byte[0]),
                BLOB.length, "blob");

        in.read(new byte[3]);
        in.close();

        assertThat(in.verified()).isFalse();
        assertThat(in.bytesRead()).isEqualTo(3);
    }
}
