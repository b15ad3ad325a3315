package io.jenkins.plugins.modelkit.actions;

import hudson.model.Run;
import jenkins.model.RunAction2;

/** An action a build records: it knows its build again after Jenkins loads it from disk. */
public abstract class BuildAction implements RunAction2 {
    // not saved with the action: Jenkins hands the build back on attach and on load
    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build, or null before the action is attached. */
    public Run<?, ?> getRun() {
        return run;
    }
}
