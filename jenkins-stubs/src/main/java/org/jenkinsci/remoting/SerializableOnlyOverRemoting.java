// Declarations match org.jenkins-ci.main:remoting 3355.v388858a_47b_33 (src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java).
package org.jenkinsci.remoting;

import java.io.Serializable;

/** Upstream also has a default {@code getChannelForSerialization()}, which needs remoting's Channel; not declared. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
