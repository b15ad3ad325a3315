package io.modelkit.core.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything a release dashboard shows: each ModelKit across the stages, and the promotions of all of
 * them, newest first (ties keep the order given, so the same records always give the same model).
 */
public record ReleaseModel(Instant generated, List<String> stages, List<ModelKitRow> modelKits,
                           List<TimelineEvent> timeline) {
    public ReleaseModel {
        Objects.requireNonNull(generated, "generated");
        stages = List.copyOf(stages);
        modelKits = List.copyOf(modelKits);
        timeline = timeline.stream().sorted(Comparator.comparing(TimelineEvent::at).reversed()).toList();
    }
}
