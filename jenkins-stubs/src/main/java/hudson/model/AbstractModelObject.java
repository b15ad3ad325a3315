// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/AbstractModelObject.java).
package hudson.model;

/**
 * Upstream implements {@code SearchableModelObject} (a ModelObject) and has request-bound helpers
 * ({@code sendError}, {@code requirePOST}, search); the stub implements ModelObject only.
 */
public abstract class AbstractModelObject implements ModelObject {
}
