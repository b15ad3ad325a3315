package io.modelkit.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.json.JsonObjects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading functions shared by the OCI JSON documents; every error names the document and field. */
final class OciJson {
    private OciJson() {
    }

    static JsonNode parse(byte[] bytes, String what) {
        return JsonObjects.parse(bytes, what);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A present, non-null field, or null when absent or JSON null (Go treats both as unset). */
    static JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String optionalString(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ModelKitException(where + "." + name + ": expected a string");
        }
        return value.textValue();
    }

    static Map<String, String> optionalStringMap(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new ModelKitException(where + "." + name + ": expected an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new ModelKitException(where + "." + name + "." + entry.getKey() + ": expected a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    static List<String> optionalStringList(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ModelKitException(where + "." + name + ": expected an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new ModelKitException(where + "." + name + "[" + i + "]: expected a string");
            }
            list.add(value.get(i).textValue());
        }
        return list;
    }

    /** Annotations as Go writes a map: keys in UTF-8 byte order. */
    static Map<String, String> sortedCopy(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
        entries.sort((a, b) -> GoJson.compareUtf8(a.getKey(), b.getKey()));
        Map<String, String> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new ModelKitException("annotation keys and values must not be null (key " + entry.getKey() + ")");
            }
            sorted.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(sorted);
    }

    static void putAnnotations(ObjectNode json, Map<String, String> annotations) {
        if (!annotations.isEmpty()) {
            ObjectNode node = json.putObject("annotations");
            annotations.forEach(node::put);
        }
    }

    static int schemaVersion(JsonNode document, String where) {
        JsonNode version = field(document, "schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 2) {
            throw new ModelKitException(where + ": schemaVersion must be 2, found " + (version == null ? "none" : version.toString()));
        }
        return 2;
    }
}
