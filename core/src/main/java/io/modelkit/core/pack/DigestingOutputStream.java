package io.modelkit.core.pack;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through while computing their sha256 and counting them. Closing it only flushes the
 * target: the caller owns the stream it gave us.
 */
final class DigestingOutputStream extends OutputStream {
    private final OutputStream target;
    private final MessageDigest sha256 = Digest.newSha256();
    private long count;

    DigestingOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        sha256.update((byte) b);
        count++;
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        sha256.update(bytes, offset, length);
        count += length;
        target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.flush();
    }

    long count() {
        return count;
    }

    /** The digest of everything written; call once, at the end. */
    Digest digest() {
        return Digest.of(sha256.digest());
    }
}
