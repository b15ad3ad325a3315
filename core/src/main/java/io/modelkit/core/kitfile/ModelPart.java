package io.modelkit.core.kitfile;

/** An entry of {@code model.parts}: a related file or directory such as LoRA weights or a tokenizer. */
public record ModelPart(String name, String path, String license, String type, LayerInfo layer) {
    public ModelPart {
        name = Texts.emptyToNull(name);
        path = Texts.emptyToNull(path);
        license = Texts.emptyToNull(license);
        type = Texts.emptyToNull(type);
        layer = LayerInfo.orNull(layer);
    }

    ModelPart withLayer(LayerInfo info) {
        return new ModelPart(name, path, license, type, info);
    }
}
