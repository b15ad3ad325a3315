// Declarations match org.jenkins-ci.main:remoting 3355.v388858a_47b_33 (src/main/java/hudson/remoting/VirtualChannel.java).
package hudson.remoting;

import java.io.IOException;

/**
 * Only the members that need no other remoting type. Upstream also declares
 * {@code call}, {@code callAsync} (remoting's Callable) and {@code export}.
 */
public interface VirtualChannel {
    void close() throws IOException;

    void join() throws InterruptedException;

    void join(long timeout) throws InterruptedException;

    void syncLocalIO() throws InterruptedException;
}
