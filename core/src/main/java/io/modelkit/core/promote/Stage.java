package io.modelkit.core.promote;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage of a release line: the repository it lives in ({@code host/repo}), the gate policy that
 * guards entry (null: no gate), the stage it is promoted from (null for the first) and extra tags.
 * The stage's own tag, named like the stage, always points at what the stage holds now.
 */
public record Stage(String name, String registry, String repository, Path policy, String from, List<String> tags) {
    public Stage {
        tags = List.copyOf(tags);
    }

    /** {@code host/repo}, as in messages and records. */
    public String location() {
        return registry + "/" + repository;
    }

    /** The tag that names what the stage holds now. */
    public String stageTag() {
        return name;
    }

    /** The stage tag followed by the extra tags, without repeats. */
    public List<String> movingTags() {
        List<String> all = new ArrayList<>();
        all.add(stageTag());
        tags.stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }

    public Reference reference(String tag) {
        return Reference.of(registry, repository, tag);
    }

    public Reference reference(Digest digest) {
        return Reference.of(registry, repository, digest);
    }
}
