package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A deep diff of two free-form parameter trees. Maps are compared key by key and lists index by index, so
 * that a changed learning rate is reported as itself and not as a changed map. Numbers compare by value
 * ({@code 1} equals {@code 1.0}); a value whose JSON type differs is a type change.
 */
final class ParameterDiff {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private ParameterDiff() {
    }

    /** The changes from {@code a} to {@code b} below {@code path}; null means absent. */
    static List<ValueChange> diff(String path, JsonNode a, JsonNode b) {
        List<ValueChange> changes = new ArrayList<>();
        diff(path, a, b, changes);
        return changes;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<ValueChange> out) {
        if (a == null && b == null) {
            return;
        }
        if (a == null) {
            out.add(new ValueChange(path, ChangeKind.ADDED, null, b));
        } else if (b == null) {
            out.add(new ValueChange(path, ChangeKind.REMOVED, a, null));
        } else if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>(GoJson::compareUtf8);
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path + key(key), a.get(key), b.get(key), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.getNodeType() != b.getNodeType()) {
            out.add(new ValueChange(path, ChangeKind.TYPE_CHANGED, a, b));
        } else if (a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) != 0 : !a.equals(b)) {
            out.add(new ValueChange(path, ChangeKind.CHANGED, a, b));
        }
    }

    /** {@code .key} for a plain key, else {@code ["key"]} with the key as a JSON string. */
    static String key(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return "." + key;
        }
        return "[" + GoJson.writeString(JsonNodeFactory.instance.textNode(key)) + "]";
    }
}
