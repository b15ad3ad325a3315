package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decodes a {@link YamlNode} tree into a {@link Kitfile} the way yaml.v3 decodes into kit's structs with
 * {@code KnownFields(true)}: unknown keys and duplicate keys are errors, any scalar fits a string field
 * (as its text), null list items are dropped, merge keys ({@code <<}) are honoured, and free-form
 * {@code parameters} take yaml.v3's scalar resolution. Every error names the line and the field.
 */
final class KitfileBinder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOP = List.of("manifestVersion", "package", "model", "code", "datasets", "docs",
            "prompts", "mcpServers");
    private static final List<String> PACKAGE = List.of("name", "version", "description", "license", "authors");
    private static final List<String> MODEL = List.of("name", "path", "license", "framework", "format", "version",
            "description", "parts", "parameters");
    private static final List<String> PART = List.of("name", "path", "license", "type");
    private static final List<String> CODE = List.of("path", "description", "license");
    private static final List<String> DATASET = List.of("name", "path", "remotePath", "remoteHash", "description",
            "license", "parameters");
    private static final List<String> DOCS = List.of("path", "description");
    private static final List<String> PROMPT = List.of("name", "path", "description");
    private static final List<String> MCP_SERVER = List.of("name", "path", "description");

    private static final String TOP_PLACE = "the top level";

    private final String source;
    private final AliasBudget budget = new AliasBudget();

    KitfileBinder(String source) {
        this.source = source;
    }

    Kitfile bind(YamlNode root) {
        return decode(root, "", node -> {
            if (isNull(node)) {
                return new Kitfile(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
            }
            Map<String, YamlNode> fields = struct(node, "", TOP, TOP_PLACE);
            return new Kitfile(
                    string(fields.get("manifestVersion"), "manifestVersion"),
                    kitPackage(fields.get("package")),
                    model(fields.get("model")),
                    structs(fields.get("code"), "code", this::code),
                    structs(fields.get("datasets"), "datasets", this::dataset),
                    structs(fields.get("docs"), "docs", this::docs),
                    structs(fields.get("prompts"), "prompts", this::prompt),
                    structs(fields.get("mcpServers"), "mcpServers", this::mcpServer));
        });
    }

    private KitPackage kitPackage(YamlNode node) {
        if (node == null) {
            return KitPackage.empty();
        }
        return decode(node, "package", value -> {
            if (isNull(value)) {
                return KitPackage.empty();
            }
            Map<String, YamlNode> fields = struct(value, "package", PACKAGE, "package");
            return new KitPackage(string(fields.get("name"), "package.name"),
                    string(fields.get("version"), "package.version"),
                    string(fields.get("description"), "package.description"),
                    string(fields.get("license"), "package.license"),
                    strings(fields.get("authors"), "package.authors"));
        });
    }

    private Model model(YamlNode node) {
        if (node == null) {
            return null;
        }
        return decode(node, "model", value -> {
            if (isNull(value)) {
                return null;
            }
            Map<String, YamlNode> fields = struct(value, "model", MODEL, "model");
            return new Model(string(fields.get("name"), "model.name"),
                    string(fields.get("path"), "model.path"),
                    string(fields.get("license"), "model.license"),
                    string(fields.get("framework"), "model.framework"),
                    string(fields.get("format"), "model.format"),
                    string(fields.get("version"), "model.version"),
                    string(fields.get("description"), "model.description"),
                    structs(fields.get("parts"), "model.parts", this::part),
                    parameters(fields.get("parameters"), "model.parameters"),
                    null);
        });
    }

    private ModelPart part(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, PART, where);
        return new ModelPart(string(fields.get("name"), where + ".name"), string(fields.get("path"), where + ".path"),
                string(fields.get("license"), where + ".license"), string(fields.get("type"), where + ".type"), null);
    }

    private Code code(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, CODE, where);
        return new Code(string(fields.get("path"), where + ".path"),
                string(fields.get("description"), where + ".description"),
                string(fields.get("license"), where + ".license"), null);
    }

    private Dataset dataset(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, DATASET, where);
        return new Dataset(string(fields.get("name"), where + ".name"), string(fields.get("path"), where + ".path"),
                string(fields.get("remotePath"), where + ".remotePath"),
                string(fields.get("remoteHash"), where + ".remoteHash"),
                string(fields.get("description"), where + ".description"),
                string(fields.get("license"), where + ".license"),
                parameters(fields.get("parameters"), where + ".parameters"), null);
    }

    private Docs docs(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, DOCS, where);
        return new Docs(string(fields.get("path"), where + ".path"),
                string(fields.get("description"), where + ".description"), null);
    }

    private Prompt prompt(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, PROMPT, where);
        return new Prompt(string(fields.get("path"), where + ".path"),
                string(fields.get("description"), where + ".description"),
                string(fields.get("name"), where + ".name"), null);
    }

    private McpServer mcpServer(YamlNode node, String where) {
        Map<String, YamlNode> fields = struct(node, where, MCP_SERVER, where);
        return new McpServer(string(fields.get("name"), where + ".name"), string(fields.get("path"), where + ".path"),
                string(fields.get("description"), where + ".description"), null);
    }

    // ---- struct fields, with merge keys and the KnownFields check

    private Map<String, YamlNode> struct(YamlNode node, String where, List<String> known, String place) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw typeError(node, where.isEmpty() ? "the Kitfile" : where, "a map of fields");
        }
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        collectFields(mapping, known, place, fields, false);
        return fields;
    }

    private void collectFields(YamlNode.Mapping mapping, List<String> known, String place, Map<String, YamlNode> fields,
                               boolean merging) {
        checkDuplicateKeys(mapping, place);
        YamlNode merge = null;
        for (YamlNode.Entry entry : mapping.entries()) {
            if (entry.key().isMergeKey()) {
                merge = entry.value();
                continue;
            }
            visit(entry.key());
            String name = scalarString(entry.key(), place);
            if (name == null || merging && fields.containsKey(name)) {
                continue; // yaml.v3 skips null keys, and merged maps never override
            }
            if (!known.contains(name)) {
                throw KitfileException.at(source, entry.key().line(), place.equals(TOP_PLACE) ? name : place + "." + name,
                        "unknown field \"" + name + "\" " + placeText(place) + " (known fields: "
                                + String.join(", ", known) + ")");
            }
            fields.put(name, entry.value());
        }
        if (merge != null) {
            forEachMergedMapping(merge, place, merged -> collectFields(merged, known, place, fields, true));
        }
    }

    private void forEachMergedMapping(YamlNode merge, String place, Consumer<YamlNode.Mapping> action) {
        decode(merge, place, value -> {
            if (value instanceof YamlNode.Mapping mapping) {
                action.accept(mapping);
            } else if (value instanceof YamlNode.Sequence sequence) {
                for (YamlNode item : sequence.items()) {
                    decode(item, place, element -> {
                        if (!(element instanceof YamlNode.Mapping mapping)) {
                            throw mergeError(element, place);
                        }
                        action.accept(mapping);
                        return null;
                    });
                }
            } else {
                throw mergeError(value, place);
            }
            return null;
        });
    }

    private KitfileException mergeError(YamlNode node, String place) {
        return KitfileException.at(source, node.line(), place.equals(TOP_PLACE) ? null : place,
                "a merge key (<<) " + placeText(place) + " needs a map or a list of maps as its value");
    }

    /** yaml.v3 (uniqueKeys) refuses two keys with the same text in one mapping. */
    private void checkDuplicateKeys(YamlNode.Mapping mapping, String place) {
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            Integer first = seen.putIfAbsent(entry.key().value(), entry.key().line());
            if (first != null) {
                throw KitfileException.at(source, entry.key().line(), place.equals(TOP_PLACE) ? null : place,
                        "mapping key \"" + entry.key().value() + "\" already defined at line " + first + " "
                                + placeText(place));
            }
        }
    }

    // ---- typed values

    private String string(YamlNode node, String where) {
        if (node == null) {
            return null;
        }
        return decode(node, where, value -> {
            if (value instanceof YamlNode.Scalar scalar) {
                return scalarString(scalar, where);
            }
            throw typeError(value, where, "a string");
        });
    }

    /** What yaml.v3 puts in a Go string: the text as written, decoded base64 for !!binary, nothing for null. */
    private String scalarString(YamlNode.Scalar scalar, String where) {
        if (scalar.indicatedString()) {
            return scalar.value();
        }
        YamlScalars.Resolved resolved = resolve(scalar, where);
        if (YamlScalars.BINARY.equals(resolved.tag())) {
            return binary(scalar, where);
        }
        return resolved.value() == null ? null : scalar.value();
    }

    private List<String> strings(YamlNode node, String where) {
        if (node == null) {
            return List.of();
        }
        return decode(node, where, value -> {
            if (isNull(value)) {
                return List.of();
            }
            if (!(value instanceof YamlNode.Sequence sequence)) {
                throw typeError(value, where, "a list of strings");
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                String item = string(sequence.items().get(i), where + "[" + i + "]");
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        });
    }

    private <T> List<T> structs(YamlNode node, String where, ElementDecoder<T> element) {
        if (node == null) {
            return List.of();
        }
        return decode(node, where, value -> {
            if (isNull(value)) {
                return List.of();
            }
            if (!(value instanceof YamlNode.Sequence sequence)) {
                throw typeError(value, where, "a list of maps");
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                String at = where + "[" + i + "]";
                T item = decode(sequence.items().get(i), at, entry -> isNull(entry) ? null : element.decode(entry, at));
                if (item != null) {
                    items.add(item); // yaml.v3 drops null items from typed lists
                }
            }
            return items;
        });
    }

    // ---- free-form parameters, as yaml.v3 decodes into interface{} and json.Marshal stores them

    private JsonNode parameters(YamlNode node, String where) {
        if (node == null) {
            return null;
        }
        JsonNode json = toJson(node, where);
        return json.isNull() ? null : json;
    }

    private JsonNode toJson(YamlNode node, String where) {
        return decode(node, where, value -> {
            if (value instanceof YamlNode.Scalar scalar) {
                return scalarJson(scalar, where);
            }
            if (value instanceof YamlNode.Sequence sequence) {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < sequence.items().size(); i++) {
                    array.add(toJson(sequence.items().get(i), where + "[" + i + "]"));
                }
                return array;
            }
            YamlNode.Mapping mapping = (YamlNode.Mapping) value;
            for (YamlNode.Entry entry : mapping.entries()) {
                String tag = keyTag(entry.key());
                if (!tag.equals(YamlScalars.STR) && !tag.equals(YamlScalars.MERGE)) {
                    throw KitfileException.at(source, entry.key().line(), where,
                            where + " has the key `" + entry.key().value() + "`, which YAML reads as " + tag
                                    + ", not a string; kit stores parameters as JSON, where keys are strings (quote it)");
                }
            }
            ObjectNode object = NODES.objectNode();
            collectEntries(mapping, where, object, false);
            return object;
        });
    }

    private void collectEntries(YamlNode.Mapping mapping, String where, ObjectNode object, boolean merging) {
        checkDuplicateKeys(mapping, where);
        YamlNode merge = null;
        for (YamlNode.Entry entry : mapping.entries()) {
            if (entry.key().isMergeKey()) {
                merge = entry.value();
                continue;
            }
            visit(entry.key());
            String key = scalarString(entry.key(), where);
            if (key == null) {
                throw KitfileException.at(source, entry.key().line(), where,
                        where + " has a null key; kit stores parameters as JSON, where keys are strings");
            }
            if (merging && object.has(key)) {
                continue;
            }
            object.set(key, toJson(entry.value(), where + "." + key));
        }
        if (merge != null) {
            forEachMergedMapping(merge, where, merged -> collectEntries(merged, where, object, true));
        }
    }

    /** yaml.v3's {@code Node.ShortTag()} of a key: what decides whether a map can have string keys. */
    private String keyTag(YamlNode.Scalar key) {
        if (key.indicatedString()) {
            return YamlScalars.STR;
        }
        if (key.tag().isEmpty() || key.tag().equals("!")) {
            return YamlScalars.plainTag(key.value());
        }
        return key.tag();
    }

    private JsonNode scalarJson(YamlNode.Scalar scalar, String where) {
        if (scalar.indicatedString()) {
            return NODES.textNode(scalar.value());
        }
        YamlScalars.Resolved resolved = resolve(scalar, where);
        Object value = resolved.value();
        return switch (resolved.tag()) {
            case YamlScalars.NULL -> NODES.nullNode();
            case YamlScalars.BOOL -> NODES.booleanNode((Boolean) value);
            case YamlScalars.INT -> ParameterValues.integer((BigInteger) value);
            case YamlScalars.FLOAT -> floatJson((Double) value, scalar, where);
            case YamlScalars.TIMESTAMP -> NODES.textNode(((GoTimestamp) value).rfc3339Nano());
            case YamlScalars.BINARY -> NODES.textNode(binary(scalar, where));
            default -> NODES.textNode(value instanceof String text ? text : scalar.value());
        };
    }

    private JsonNode floatJson(double value, YamlNode.Scalar scalar, String where) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw KitfileException.at(source, scalar.line(), where, where + " is `" + scalar.value()
                    + "`, which kit cannot store: JSON has no NaN or infinity (quote it to keep it as text)");
        }
        return ParameterValues.floating(value);
    }

    // ---- reading values

    private YamlScalars.Resolved resolve(YamlNode.Scalar scalar, String where) {
        try {
            return YamlScalars.resolve(scalar.tag(), scalar.value());
        } catch (YamlScalars.ResolveException e) {
            throw KitfileException.at(source, scalar.line(), where, where + ": " + e.getMessage());
        }
    }

    private String binary(YamlNode.Scalar scalar, String where) {
        try {
            String base64 = scalar.value().replace("\r", "").replace("\n", "");
            return GoStrings.decodeUtf8(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw KitfileException.at(source, scalar.line(), where, where + ": !!binary value contains invalid base64 data");
        }
    }

    /** Decodes one node, following aliases under the alias budget. */
    private <T> T decode(YamlNode node, String where, Function<YamlNode, T> decoder) {
        visit(node);
        if (node instanceof YamlNode.Alias alias) {
            budget.enterAlias();
            try {
                return decode(alias.target(), where, decoder);
            } finally {
                budget.exitAlias();
            }
        }
        return decoder.apply(node);
    }

    private void visit(YamlNode node) {
        if (!budget.visit()) {
            throw KitfileException.at(source, node.line(), null,
                    "document contains excessive aliasing (an alias bomb); refused before expanding it");
        }
    }

    private boolean isNull(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.indicatedString()) {
            String tag = scalar.tag();
            boolean resolvable = tag.isEmpty() || tag.equals(YamlScalars.NULL);
            return resolvable && YamlScalars.NULL.equals(resolve(scalar, "").tag());
        }
        return false;
    }

    private static String placeText(String place) {
        return (place.equals(TOP_PLACE) ? "at " : "in ") + place;
    }

    private KitfileException typeError(YamlNode node, String where, String expected) {
        String actual;
        if (node instanceof YamlNode.Mapping) {
            actual = "a map";
        } else if (node instanceof YamlNode.Sequence) {
            actual = "a list";
        } else {
            String text = ((YamlNode.Scalar) node).value();
            actual = "the value `" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "`";
        }
        return KitfileException.at(source, node.line(), where, where + " must be " + expected + ", not " + actual);
    }

    @FunctionalInterface
    private interface ElementDecoder<T> {
        T decode(YamlNode node, String where);
    }
}
