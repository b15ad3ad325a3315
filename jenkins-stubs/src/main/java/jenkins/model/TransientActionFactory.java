// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/jenkins/model/TransientActionFactory.java).
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/** Stub: the factory methods only; no {@code Cache} and no {@code factoriesFor} (Actionable does not consult factories here). */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public /* abstract */ Class<? extends Action> actionType() {
        return Action.class;
    }

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
