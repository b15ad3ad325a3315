// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Cause.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Stub: only the short description and {@link UserIdCause}; no {@code onAddedTo}, {@code onLoad}, {@code print}
 * and no other causes. Upstream's no-argument {@code UserIdCause()} reads {@code User.current()}; not declared.
 */
@ExportedBean
public abstract class Cause {
    @Exported(visibility = 3)
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        @CheckForNull
        private String userId;

        public UserIdCause(@CheckForNull String userId) {
            this.userId = userId;
        }

        @Exported(visibility = 3)
        @CheckForNull
        public String getUserId() {
            return userId;
        }

        @Override
        public String getShortDescription() {
            return "Started by user " + userId;
        }
    }
}
