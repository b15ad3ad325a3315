package io.modelkit.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.Kitfile;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ModelKit's hyperparameters as leaf paths: {@code model.parameters} at the root ({@code optimizer.betas[1]}),
 * each dataset's under {@code datasets[<name>]}. Empty objects and lists are leaves, so adding or removing one shows.
 */
final class ParameterPaths {
    private ParameterPaths() {
    }

    static Map<String, JsonNode> of(ModelKitContents modelKit) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        Kitfile kitfile = modelKit.kitfile();
        if (kitfile.model() != null && kitfile.model().parameters() != null) {
            flatten(kitfile.model().parameters(), "", leaves);
        }
        for (int i = 0; i < kitfile.datasets().size(); i++) {
            Dataset dataset = kitfile.datasets().get(i);
            if (dataset.parameters() != null) {
                String name = dataset.name() != null ? dataset.name() : String.valueOf(i);
                flatten(dataset.parameters(), "datasets[" + name + "]", leaves);
            }
        }
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path.isEmpty() ? "(root)" : path, node);
        }
    }

    /** The JSON type of a leaf, in words. */
    static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "list" : "map";
    }
}
