package io.modelkit.core.oci;

import io.modelkit.core.ModelKitException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes content through while hashing it, and fails at the end of the stream if the content does
 * not have the expected digest (and size, when known). Reading to the end is what proves content
 * good; a caller that stops early has verified nothing.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Digest expected;
    private final long expectedSize;
    private final String source;
    private final MessageDigest sha256 = Digest.newSha256();
    private long count;
    private boolean verified;

    /**
     * @param expectedSize the expected byte count, or -1 if unknown
     * @param source names the content in errors, e.g. a file path or a URL
     */
    public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String source) {
        super(in);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            sha256.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            verify();
        } else {
            sha256.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
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
    public synchronized void mark(int readlimit) {
        // not supported: a reset would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(int n) {
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw new ModelKitException(source + ": content of " + expected + " is longer than its expected size " + expectedSize);
        }
    }

    private void verify() {
        if (verified) {
            return;
        }
        if (expectedSize >= 0 && count != expectedSize) {
            throw new ModelKitException(source + ": content of " + expected + " has " + count + " bytes, expected " + expectedSize);
        }
        Digest actual = Digest.of(sha256.digest());
        if (!actual.equals(expected)) {
            throw new ModelKitException(source + ": content does not match its digest: expected " + expected + ", got " + actual);
        }
        verified = true;
    }
}
