package io.modelkit.core.oci;

import io.modelkit.core.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes and counts a blob while it is read, and fails with a {@link BlobVerificationException}
 * naming the blob and both digests when the end of the stream is reached and the bytes do not match
 * the descriptor. Reading past the descriptor's size fails at once, so a hostile endless stream is
 * cut short. Closing before the end verifies nothing: callers that stop early (a decompressor, a tar
 * reader at its end-of-archive blocks) call {@link #drainAndVerify()}.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private static final int SKIP_BUFFER = 64 * 1024;

    private final Digest expectedDigest;
    private final long expectedSize;
    private final String label;
    private final MessageDigest sha256 = Digest.newSha256();
    private long count;
    private Digest actual;
    private BlobVerificationException failure;

    /**
     * @param in           the blob as it arrives
     * @param expectedDigest the descriptor's digest
     * @param expectedSize the descriptor's size, or -1 when unknown
     * @param label        what the blob is, for messages, such as {@code layer 'models/m1.gguf'}
     */
    public VerifyingInputStream(InputStream in, Digest expectedDigest, long expectedSize, String label) {
        super(in);
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.label = label;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (actual != null) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            verifyAtEnd();
            return -1;
        }
        sha256.update(buffer, offset, n);
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw fail(label + ": blob is larger than the " + expectedSize + " bytes its descriptor states (expected "
                    + expectedDigest + ")");
        }
        return n;
    }

    /** Reads, so that skipped bytes are hashed too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(SKIP_BUFFER, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported: re-reading would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported while verifying " + label);
    }

    /** Reads whatever is left of the blob and verifies it; returns the verified digest. */
    public Digest drainAndVerify() throws IOException {
        byte[] scratch = new byte[SKIP_BUFFER];
        while (read(scratch, 0, scratch.length) >= 0) {
            // keep reading: the bytes only matter to the digest
        }
        return actual;
    }

    /** Bytes read from the blob so far. */
    public long bytesRead() {
        return count;
    }

    /** Whether the whole blob has been read and matched its descriptor. */
    public boolean verified() {
        return actual != null;
    }

    private void verifyAtEnd() {
        Digest digest = Digest.of(sha256.digest());
        if (expectedSize >= 0 && count != expectedSize) {
            throw fail(label + ": blob has " + count + " bytes but its descriptor states " + expectedSize
                    + " (expected digest " + expectedDigest + ", actual " + digest + ")");
        }
        if (!digest.equals(expectedDigest)) {
            throw fail(label + ": digest mismatch: expected " + expectedDigest + ", actual " + digest);
        }
        actual = digest;
    }

    private BlobVerificationException fail(String message) {
        failure = new BlobVerificationException(message);
        return failure;
    }
}
