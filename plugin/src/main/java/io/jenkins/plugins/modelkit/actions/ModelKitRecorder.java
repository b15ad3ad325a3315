package io.jenkins.plugins.modelkit.actions;

import hudson.model.Run;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.List;

/**
 * Records what a step did on the build: a {@link ModelKitAction} per reference (a later step on the
 * same reference replaces the earlier one, so pack then push shows once, as pushed) and a badge
 * per pushed ModelKit.
 */
public final class ModelKitRecorder {
    private ModelKitRecorder() {
    }

    public static void record(Run<?, ?> run, String operation, ModelKitSummary summary) throws IOException {
        synchronized (run) {
            List<ModelKitAction> existing = run.getActions(ModelKitAction.class);
            // a page keeps its URL when its ModelKit is recorded again; a new one takes the next free number
            int index = existing.stream().mapToInt(ModelKitAction::index).max().orElse(-1) + 1;
            for (ModelKitAction action : existing) {
                if (action.getReference().equals(summary.reference())) {
                    index = action.index();
                    run.removeAction(action);
                }
            }
            run.addAction(new ModelKitAction(operation, summary, index));
            if ("pushed".equals(operation)) {
                boolean badged = run.getActions(ModelKitBadgeAction.class).stream()
                        .anyMatch(badge -> badge.getReference().equals(summary.reference())
                                && badge.getDigest().equals(summary.digest()));
                if (!badged) {
                    run.addAction(new ModelKitBadgeAction(summary.reference(), summary.digest()));
                }
            }
            run.save();
        }
    }
}
