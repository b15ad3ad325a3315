package io.modelkit.core.dashboard;

import java.util.List;
import java.util.Objects;

/** One ModelKit (named as its Kitfile's package, else its repository) across the stages, in stage order. */
public record ModelKitRow(String name, List<StageEntry> stages) {
    public ModelKitRow {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
    }
}
