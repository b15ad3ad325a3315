// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/util/StreamTaskListener.java).
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/** Upstream extends the restricted {@code hudson.util.AbstractTaskListener}; the stub implements TaskListener directly. */
public class StreamTaskListener implements TaskListener, Closeable {
    private static final long serialVersionUID = 1L;

    private final transient PrintStream out;
    private final transient Charset charset;

    public StreamTaskListener(@NonNull PrintStream out) {
        this(out, null);
    }

    public StreamTaskListener(@NonNull OutputStream out) {
        this(out, null);
    }

    public StreamTaskListener(@NonNull OutputStream out, @CheckForNull Charset charset) {
        this.charset = charset == null ? Charset.defaultCharset() : charset;
        this.out = out instanceof PrintStream ps ? ps : new PrintStream(out, true, this.charset);
    }

    public static StreamTaskListener fromStdout() {
        return new StreamTaskListener(System.out, Charset.defaultCharset());
    }

    public static StreamTaskListener fromStderr() {
        return new StreamTaskListener(System.err, Charset.defaultCharset());
    }

    @Override
    public PrintStream getLogger() {
        return out;
    }

    @Override
    public Charset getCharset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public void closeQuietly() {
        out.close();
    }
}
