package io.jenkins.plugins.modelkit.actions;

import hudson.model.Run;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records what a step did on the build: a {@link ModelKitAction} per reference (a later step on the
 * same reference replaces the earlier one, so pack then push shows once, as pushed), a badge per
 * pushed or verified ModelKit, and who signed and whether the build verified a ModelKit.
 */
public final class ModelKitRecorder {
    private ModelKitRecorder() {
    }

    public static void record(Run<?, ?> run, String operation, ModelKitSummary summary) throws IOException {
        synchronized (run) {
            replace(run, operation, summary);
            if ("pushed".equals(operation)) {
                badge(run, summary);
            }
            run.save();
        }
    }

    /** Records that the key {@code fingerprint} signed the provenance of the summary's ModelKit. */
    public static void recordSigned(Run<?, ?> run, ModelKitSummary summary, String fingerprint) throws IOException {
        synchronized (run) {
            actionOf(run, summary, "attested").signedBy(fingerprint);
            run.save();
        }
    }

    /** Records a verification of the summary's ModelKit; the badge of a verified ModelKit says so. */
    public static void recordVerified(Run<?, ?> run, ModelKitSummary summary, boolean passed, String detail)
            throws IOException {
        synchronized (run) {
            actionOf(run, summary, "verified").verified(passed, detail);
            Optional<ModelKitBadgeAction> badge = existingBadge(run, summary);
            if (badge.isPresent()) {
                badge.get().verified(passed);
            } else if (passed) {
                badge(run, summary).verified(true);
            }
            run.save();
        }
    }

    /** Records that the build made the serving image {@code image} ({@code digest}) from the summary's ModelKit. */
    public static void recordImage(Run<?, ?> run, ModelKitSummary summary, String image, String digest) throws IOException {
        synchronized (run) {
            actionOf(run, summary, "containerized").builtImage(image, digest);
            run.save();
        }
    }

    /**
     * Records a diff on a page of its own: every diff a build makes keeps its own URL, the next free
     * {@code modelkit-diff-<n>}. The diff goes to files in the build's directory, not into build.xml.
     */
    public static DiffAction recordDiff(Run<?, ?> run, Map<String, Object> diff, String markdown) throws IOException {
        synchronized (run) {
            int index = run.getActions(DiffAction.class).stream().mapToInt(DiffAction::index).max().orElse(-1) + 1;
            DiffAction action = DiffAction.write(run, index, diff, markdown);
            run.addAction(action);
            run.save();
            return action;
        }
    }

    /**
     * Records a gate's outcome: a {@link GateAction} (linking to {@code diffUrlName}, the diff against the
     * baseline, when there was one) and the ModelKit's badge, which shows the outcome.
     */
    public static GateAction recordGate(Run<?, ?> run, ModelKitSummary summary, String diffUrlName) throws IOException {
        synchronized (run) {
            GateAction action = new GateAction(summary, diffUrlName);
            run.addAction(action);
            badge(run, summary).gate(action.getOutcome());
            run.save();
            return action;
        }
    }

    /** The action of this ModelKit (same reference and digest), or a new one recorded as {@code operation}. */
    private static ModelKitAction actionOf(Run<?, ?> run, ModelKitSummary summary, String operation) {
        for (ModelKitAction action : run.getActions(ModelKitAction.class)) {
            if (action.getReference().equals(summary.reference()) && action.getDigest().equals(summary.digest())) {
                return action;
            }
        }
        return replace(run, operation, summary);
    }

    private static ModelKitAction replace(Run<?, ?> run, String operation, ModelKitSummary summary) {
        List<ModelKitAction> existing = run.getActions(ModelKitAction.class);
        // a page keeps its URL when its ModelKit is recorded again; a new one takes the next free number
        int index = existing.stream().mapToInt(ModelKitAction::index).max().orElse(-1) + 1;
        ModelKitAction earlier = null;
        for (ModelKitAction action : existing) {
            if (action.getReference().equals(summary.reference())) {
                index = action.index();
                earlier = action;
                run.removeAction(action);
            }
        }
        ModelKitAction action = new ModelKitAction(operation, summary, index);
        if (earlier != null) {
            action.keepProvenanceOf(earlier);
        }
        run.addAction(action);
        return action;
    }

    private static Optional<ModelKitBadgeAction> existingBadge(Run<?, ?> run, ModelKitSummary summary) {
        return run.getActions(ModelKitBadgeAction.class).stream()
                .filter(badge -> badge.getReference().equals(summary.reference()) && badge.getDigest().equals(summary.digest()))
                .findFirst();
    }

    private static ModelKitBadgeAction badge(Run<?, ?> run, ModelKitSummary summary) {
        return existingBadge(run, summary).orElseGet(() -> {
            ModelKitBadgeAction badge = new ModelKitBadgeAction(summary.reference(), summary.digest());
            run.addAction(badge);
            return badge;
        });
    }
}
