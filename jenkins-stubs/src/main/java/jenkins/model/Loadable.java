// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/jenkins/model/Loadable.java).
package jenkins.model;

import java.io.IOException;

public interface Loadable {
    void load() throws IOException;
}
