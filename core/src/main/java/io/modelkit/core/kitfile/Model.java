package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code model} section. {@code path} may be a local path or a ModelKit reference (a parent kit).
 * {@code parameters} is free-form and kept whole, normalised as kit stores it in the config.
 */
public record Model(String name, String path, String license, String framework, String format, String version,
                    String description, List<ModelPart> parts, JsonNode parameters, LayerInfo layer) {
    public Model {
        name = Texts.emptyToNull(name);
        path = Texts.emptyToNull(path);
        license = Texts.emptyToNull(license);
        framework = Texts.emptyToNull(framework);
        format = Texts.emptyToNull(format);
        version = Texts.emptyToNull(version);
        description = Texts.emptyToNull(description);
        parts = Texts.listOf(parts);
        parameters = ParameterValues.canonical(parameters);
        layer = LayerInfo.orNull(layer);
    }

    Model with(List<ModelPart> newParts, LayerInfo info) {
        return new Model(name, path, license, framework, format, version, description, newParts, parameters, info);
    }
}
