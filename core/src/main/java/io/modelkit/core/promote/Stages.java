package io.modelkit.core.promote;

import io.modelkit.core.ModelKitException;
import java.util.List;
import java.util.stream.Collectors;

/** The ordered stages of a stages file; {@code source} names the file in messages. */
public record Stages(String source, List<Stage> stages) {
    public Stages {
        stages = List.copyOf(stages);
    }

    /** The stage called {@code name}; an unknown name is an error listing the known ones. */
    public Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ModelKitException("unknown stage '" + name + "' in " + source + " (stages: "
                        + stages.stream().map(Stage::name).collect(Collectors.joining(", ")) + ")"));
    }
}
