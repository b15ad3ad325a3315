// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/RootAction.java).
package hudson.model;

import hudson.ExtensionPoint;

public interface RootAction extends Action, ExtensionPoint {
}
