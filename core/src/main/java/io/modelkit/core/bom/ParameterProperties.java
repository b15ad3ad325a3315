package io.modelkit.core.bom;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cyclonedx.model.Property;

/**
 * Free-form Kitfile {@code parameters} as CycloneDX properties, one per leaf so that two BOMs diff key by
 * key: {@code modelkit:parameter:training.learning_rate = 0.05}. Nested objects join their keys with
 * {@code .}; arrays are kept whole as JSON; strings are written as they are, other values as Go's JSON
 * writes them (the form the ModelKit config holds).
 */
final class ParameterProperties {
    static final String PREFIX = "modelkit:parameter:";

    private ParameterProperties() {
    }

    /** The properties of {@code parameters} in their (canonical, sorted) key order; empty for none. */
    static List<Property> of(JsonNode parameters) {
        List<Property> properties = new ArrayList<>();
        if (parameters != null) {
            flatten("", parameters, properties);
        }
        return properties;
    }

    private static void flatten(String path, JsonNode node, List<Property> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
            return;
        }
        String value = node.isTextual() ? node.textValue() : GoJson.writeString(node);
        out.add(new Property(PREFIX + (path.isEmpty() ? "value" : path), value));
    }
}
