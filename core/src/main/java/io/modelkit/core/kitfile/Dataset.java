package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry of {@code datasets}. With {@code remotePath} (an {@code s3://} URL or a ModelKit reference)
 * the dataset gets no layer. {@code parameters} is free-form and kept whole, normalised as kit stores it.
 */
public record Dataset(String name, String path, String remotePath, String remoteHash, String description,
                      String license, JsonNode parameters, LayerInfo layer) {
    public Dataset {
        name = Texts.emptyToNull(name);
        path = Texts.emptyToNull(path);
        remotePath = Texts.emptyToNull(remotePath);
        remoteHash = Texts.emptyToNull(remoteHash);
        description = Texts.emptyToNull(description);
        license = Texts.emptyToNull(license);
        parameters = ParameterValues.canonical(parameters);
        layer = LayerInfo.orNull(layer);
    }

    Dataset withLayer(LayerInfo info) {
        return new Dataset(name, path, remotePath, remoteHash, description, license, parameters, info);
    }
}
