package io.modelkit.core.kitfile;

/** An entry of {@code code}. */
public record Code(String path, String description, String license, LayerInfo layer) {
    public Code {
        path = Texts.emptyToNull(path);
        description = Texts.emptyToNull(description);
        license = Texts.emptyToNull(license);
        layer = LayerInfo.orNull(layer);
    }

    Code withLayer(LayerInfo info) {
        return new Code(path, description, license, info);
    }
}
