// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Saveable.java).
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;

    Saveable NOOP = () -> {};
}
