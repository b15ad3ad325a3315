package io.modelkit.core.inspect;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.Code;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.Docs;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.LayerInfo;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.kitfile.ModelPart;
import io.modelkit.core.kitfile.Prompt;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayerMediaType;
import io.modelkit.core.oci.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kitfile for a ModelPack that carries none (one made by another tool, such as modctl), derived
 * from its layers' file path annotations as kit derives it: the first weight layer is the model,
 * further weights and weight configs are parts, the rest by kind. Without the config's diffIds at
 * hand, each entry records the layer digest as both digest and diffId only when uncompressed.
 */
final class ModelPackKitfile {
    private ModelPackKitfile() {
    }

    static Kitfile derive(Manifest manifest, String location) {
        ModelPart weights = null;
        List<ModelPart> parts = new ArrayList<>();
        List<Code> code = new ArrayList<>();
        List<Dataset> datasets = new ArrayList<>();
        List<Docs> docs = new ArrayList<>();
        List<Prompt> prompts = new ArrayList<>();
        for (Descriptor layer : manifest.layers()) {
            String path = layer.annotations().get(Annotations.FILEPATH);
            if (path == null) {
                throw new ModelKitException(location + ": ModelPack layer " + layer.digest() + " has no "
                        + Annotations.FILEPATH + " annotation and the manifest carries no Kitfile");
            }
            LayerMediaType type = LayerMediaType.parse(layer.mediaType());
            LayerInfo info = type.compression() == LayerMediaType.Compression.NONE
                    ? new LayerInfo(layer.digest(), layer.digest()) : null;
            switch (ModelKitReader.kindOf(layer, location)) {
                case MODEL, MODEL_PART -> {
                    if (weights == null && type.kind() == LayerMediaType.Kind.MODEL) {
                        weights = new ModelPart(null, path, null, null, info);
                    } else {
                        parts.add(new ModelPart(null, path, null, null, info));
                    }
                }
                case CODE -> code.add(new Code(path, null, null, info));
                case PROMPT -> prompts.add(new Prompt(path, null, null, info));
                case DATASET -> datasets.add(new Dataset(null, path, null, null, null, null, null, info));
                case DOCS -> docs.add(new Docs(path, null, info));
                case MCP_SERVER -> throw new ModelKitException(location + ": a ModelPack cannot hold MCP bundles");
            }
        }
        if (weights == null && !parts.isEmpty()) {
            weights = parts.remove(0);
        }
        Model model = weights == null ? null
                : new Model(null, weights.path(), null, null, null, null, null, parts, null, weights.layer());
        return new Kitfile("1.0.0", KitPackage.empty(), model, code, datasets, docs, prompts, List.of());
    }
}
