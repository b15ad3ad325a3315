// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/FilePath.java).
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Stub: always a local path; {@link #act} runs the callable in this JVM with a null channel. */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final transient VirtualChannel channel;
    private final String remote;

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.channel = channel;
        this.remote = remote;
    }

    public FilePath(@NonNull File localPath) {
        this.channel = null;
        this.remote = localPath.getPath();
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        this.channel = base.channel;
        this.remote = new File(rel).isAbsolute() ? rel : new File(base.remote, rel).getPath();
    }

    public String getRemote() {
        return remote;
    }

    public String getName() {
        String r = remote;
        while (r.length() > 1 && (r.endsWith("/") || r.endsWith("\\"))) {
            r = r.substring(0, r.length() - 1);
        }
        int slash = Math.max(r.lastIndexOf('/'), r.lastIndexOf('\\'));
        return r.substring(slash + 1);
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), null);
    }

    public void mkdirs() throws IOException, InterruptedException {
        File f = new File(remote);
        if (!f.mkdirs() && !f.isDirectory()) {
            throw new IOException("Failed to mkdirs: " + remote);
        }
    }

    public boolean exists() throws IOException, InterruptedException {
        return new File(remote).exists();
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        return new File(remote).isDirectory();
    }

    /** Stub: null (upstream returns the local channel for a local path). */
    public VirtualChannel getChannel() {
        return channel;
    }

    /** Stub: false. */
    public boolean isRemote() {
        return false;
    }

    @Deprecated
    @Override
    public String toString() {
        return remote;
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
