// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/UnprotectedRootAction.java).
package hudson.model;

import hudson.ExtensionPoint;

public interface UnprotectedRootAction extends RootAction, ExtensionPoint {
}
