// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Job.java).
package hudson.model;

import hudson.ExtensionPoint;

/**
 * Stub: {@code getLastBuild()} returns null unless a subclass overrides it.
 * Upstream also implements StaplerOverridable, ModelObjectWithChildren and HasWidgets.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint {

    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public RunT getLastBuild() {
        return null;
    }
}
