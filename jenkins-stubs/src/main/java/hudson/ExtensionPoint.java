// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/ExtensionPoint.java).
package hudson;

public interface ExtensionPoint {
}
