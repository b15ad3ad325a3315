// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/BuildBadgeAction.java).
package hudson.model;

public interface BuildBadgeAction extends Action {
}
