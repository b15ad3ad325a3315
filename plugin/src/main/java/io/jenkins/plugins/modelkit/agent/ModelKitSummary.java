package io.jenkins.plugins.modelkit.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step reports about one ModelKit: its reference and digest, its layers and the Kitfile's
 * package and model fields. Built on the agent from the manifest and config, it holds only JDK
 * values, so it crosses the channel as it is and becomes the step's return value.
 *
 * @param parametersJson the model's hyperparameters as JSON text, or null
 * @param details what the operation adds, such as the blobs a push sent or the files an unpack wrote
 */
public record ModelKitSummary(String reference, String digest, String mediaType, long size, List<Map<String, Object>> layers,
                              Map<String, Object> kitPackage, Map<String, Object> model, String parametersJson,
                              Map<String, Object> details) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelKitSummary {
        layers = List.copyOf(layers);
        kitPackage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kitPackage));
        model = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(model));
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** This summary with more operation details. */
    public ModelKitSummary with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new ModelKitSummary(reference, digest, mediaType, size, layers, kitPackage, model, parametersJson, more);
    }

    /** @param kitfile the ModelKit's Kitfile, or null when its config could not be read (the fields stay empty) */
    public static ModelKitSummary of(String reference, Manifest manifest, Kitfile kitfile) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Descriptor layer : manifest.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mediaType", layer.mediaType());
            row.put("digest", layer.digest().toString());
            row.put("size", layer.size());
            row.put("path", layer.annotation(Annotations.FILEPATH).orElse(""));
            layers.add(row);
        }
        return new ModelKitSummary(reference, manifest.digest().toString(),
                manifest.mediaType().orElse(MediaTypes.OCI_MANIFEST), manifest.size(), layers,
                packageFields(kitfile == null ? null : kitfile.kitPackage()), modelFields(kitfile == null ? null : kitfile.model()),
                parametersJson(kitfile == null ? null : kitfile.model()), Map.of());
    }

    private static Map<String, Object> packageFields(KitPackage kitPackage) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (kitPackage != null) {
            putIfSet(fields, "name", kitPackage.name());
            putIfSet(fields, "version", kitPackage.version());
            putIfSet(fields, "description", kitPackage.description());
            putIfSet(fields, "license", kitPackage.license());
            if (kitPackage.authors() != null && !kitPackage.authors().isEmpty()) {
                fields.put("authors", new ArrayList<>(kitPackage.authors()));
            }
        }
        return fields;
    }

    private static Map<String, Object> modelFields(Model model) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (model != null) {
            putIfSet(fields, "name", model.name());
            putIfSet(fields, "version", model.version());
            putIfSet(fields, "framework", model.framework());
            putIfSet(fields, "format", model.format());
            putIfSet(fields, "path", model.path());
            putIfSet(fields, "license", model.license());
            putIfSet(fields, "description", model.description());
            if (model.parameters() != null && !model.parameters().isNull()) {
                // plain maps, lists, strings and numbers: what a Pipeline script can read and what crosses the channel
                fields.put("parameters", JSON.convertValue(model.parameters(), Object.class));
            }
        }
        return fields;
    }

    private static String parametersJson(Model model) {
        if (model == null || model.parameters() == null || model.parameters().isNull()) {
            return null;
        }
        return model.parameters().toPrettyString();
    }

    private static void putIfSet(Map<String, Object> fields, String key, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(key, value);
        }
    }

    /** The step's return value: plain maps and lists a Pipeline script can use. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", reference);
        map.put("digest", digest);
        map.put("mediaType", mediaType);
        map.put("size", size);
        List<Map<String, Object>> layerCopies = new ArrayList<>();
        layers.forEach(layer -> layerCopies.add(new LinkedHashMap<>(layer)));
        map.put("layers", layerCopies);
        map.put("package", new LinkedHashMap<>(kitPackage));
        map.put("model", new LinkedHashMap<>(model));
        map.putAll(details);
        return map;
    }
}
