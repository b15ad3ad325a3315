package io.modelkit.core.kitfile;

/** An entry of {@code docs}. Kit always writes its {@code path}, even when empty. */
public record Docs(String path, String description, LayerInfo layer) {
    public Docs {
        path = Texts.emptyToNull(path);
        description = Texts.emptyToNull(description);
        layer = LayerInfo.orNull(layer);
    }

    Docs withLayer(LayerInfo info) {
        return new Docs(path, description, info);
    }
}
