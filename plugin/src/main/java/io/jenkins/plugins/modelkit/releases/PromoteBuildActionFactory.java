package io.jenkins.plugins.modelkit.releases;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Gives every build that put a ModelKit in a registry its {@link PromoteBuildAction}. */
@Extension
@SuppressWarnings("rawtypes")
public final class PromoteBuildActionFactory extends TransientActionFactory<Run> {
    @Override
    public Class<Run> type() {
        return Run.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return PromoteBuildAction.class;
    }

    @Override
    public @NonNull Collection<? extends Action> createFor(@NonNull Run target) {
        return PromoteBuildAction.references(target).isEmpty() ? List.of() : List.of(new PromoteBuildAction(target));
    }
}
