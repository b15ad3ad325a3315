// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/security/ACLContext.java).
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Restores the security context {@link ACL#as2} replaced. The deprecated Acegi accessor is not declared. */
public class ACLContext implements AutoCloseable {
    @NonNull
    private final SecurityContext previousContext;

    ACLContext(@NonNull SecurityContext previousContext) {
        this.previousContext = previousContext;
    }

    @NonNull
    public SecurityContext getPreviousContext2() {
        return previousContext;
    }

    @Override
    public void close() {
        SecurityContextHolder.setContext(previousContext);
    }
}
