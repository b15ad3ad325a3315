package io.jenkins.plugins.modelkit.releases;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.TransientActionFactory;

/** Gives every job that promoted a ModelKit its {@link JobReleasesAction}; other jobs get none. */
@Extension
@SuppressWarnings("rawtypes")
public final class JobReleasesActionFactory extends TransientActionFactory<Job> {
    private static final Logger LOGGER = Logger.getLogger(JobReleasesActionFactory.class.getName());

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return JobReleasesAction.class;
    }

    @Override
    public @NonNull Collection<? extends Action> createFor(@NonNull Job target) {
        String name = target.getFullName();
        try {
            boolean promoted = ReleaseIndex.get().promotions().stream().anyMatch(p -> p.job().equals(name));
            return promoted ? List.of(new JobReleasesAction(target)) : List.of();
        } catch (IOException e) {
            // a job page must not fail for the index: the releases page reports it
            LOGGER.log(Level.WARNING, "cannot read the ModelKit release index", e);
            return List.of();
        }
    }
}
