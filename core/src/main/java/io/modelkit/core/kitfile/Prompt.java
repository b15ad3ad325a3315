package io.modelkit.core.kitfile;

/** An entry of {@code prompts}: prompt or agent files, packed as code layers with the prompt subtype. */
public record Prompt(String path, String description, String name, LayerInfo layer) {
    public Prompt {
        path = Texts.emptyToNull(path);
        description = Texts.emptyToNull(description);
        name = Texts.emptyToNull(name);
        layer = LayerInfo.orNull(layer);
    }

    Prompt withLayer(LayerInfo info) {
        return new Prompt(path, description, name, info);
    }
}
