// Declarations match org.jenkins-ci.main:remoting 3355.v388858a_47b_33 (src/main/java/org/jenkinsci/remoting/RoleSensitive.java).
package org.jenkinsci.remoting;

public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
