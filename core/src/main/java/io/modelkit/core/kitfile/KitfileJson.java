package io.modelkit.core.kitfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The ModelKit config blob: the Kitfile as kit's {@code json.Marshal(KitFile)} writes it, byte for byte
 * (struct field order, {@code omitempty} everywhere but {@code manifestVersion} and {@code docs[].path},
 * {@code package} always present, digests where set, parameter keys sorted), and read back as Go's
 * {@code json.Unmarshal} would: unknown fields ignored, field names matched case-insensitively.
 */
public final class KitfileJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(KitfileReader.MAX_BYTES).build());
    }

    private KitfileJson() {
    }

    /** The config bytes kit writes for {@code kitfile}; their sha256 is the config digest. */
    public static byte[] configBytes(Kitfile kitfile) {
        return GoJson.write(configTree(kitfile));
    }

    /** The config as a JSON tree, in kit's field order. */
    public static ObjectNode configTree(Kitfile kitfile) {
        ObjectNode root = NODES.objectNode();
        root.put("manifestVersion", Texts.orEmpty(kitfile.manifestVersion()));
        root.set("package", packageJson(kitfile.kitPackage()));
        if (kitfile.model() != null) {
            root.set("model", modelJson(kitfile.model()));
        }
        putList(root, "code", kitfile.code(), (code, node) -> {
            put(node, "path", code.path());
            put(node, "description", code.description());
            put(node, "license", code.license());
            return layer(node, code.layer());
        });
        putList(root, "datasets", kitfile.datasets(), (dataset, node) -> {
            put(node, "name", dataset.name());
            put(node, "path", dataset.path());
            put(node, "remotePath", dataset.remotePath());
            put(node, "remoteHash", dataset.remoteHash());
            put(node, "description", dataset.description());
            put(node, "license", dataset.license());
            parameters(node, dataset.parameters());
            return layer(node, dataset.layer());
        });
        putList(root, "docs", kitfile.docs(), (docs, node) -> {
            node.put("path", Texts.orEmpty(docs.path()));
            put(node, "description", docs.description());
            return layer(node, docs.layer());
        });
        putList(root, "prompts", kitfile.prompts(), (prompt, node) -> {
            put(node, "name", prompt.name());
            put(node, "path", prompt.path());
            put(node, "description", prompt.description());
            return layer(node, prompt.layer());
        });
        putList(root, "mcpServers", kitfile.mcpServers(), (server, node) -> {
            put(node, "name", server.name());
            put(node, "path", server.path());
            put(node, "description", server.description());
            return layer(node, server.layer());
        });
        return root;
    }

    private static ObjectNode packageJson(KitPackage kitPackage) {
        ObjectNode node = NODES.objectNode();
        put(node, "name", kitPackage.name());
        put(node, "version", kitPackage.version());
        put(node, "description", kitPackage.description());
        put(node, "license", kitPackage.license());
        if (!kitPackage.authors().isEmpty()) {
            ArrayNode authors = node.putArray("authors");
            kitPackage.authors().forEach(authors::add);
        }
        return node;
    }

    private static ObjectNode modelJson(Model model) {
        ObjectNode node = NODES.objectNode();
        put(node, "name", model.name());
        put(node, "path", model.path());
        put(node, "license", model.license());
        put(node, "framework", model.framework());
        put(node, "format", model.format());
        put(node, "version", model.version());
        put(node, "description", model.description());
        putList(node, "parts", model.parts(), (part, partNode) -> {
            put(partNode, "name", part.name());
            put(partNode, "path", part.path());
            put(partNode, "license", part.license());
            put(partNode, "type", part.type());
            return layer(partNode, part.layer());
        });
        parameters(node, model.parameters());
        return layer(node, model.layer());
    }

    private static <T> void putList(ObjectNode parent, String name, List<T> items, BiFunction<T, ObjectNode, ObjectNode> fill) {
        if (items.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray(name);
        items.forEach(item -> array.add(fill.apply(item, NODES.objectNode())));
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void parameters(ObjectNode node, JsonNode parameters) {
        if (parameters != null) {
            node.set("parameters", GoJson.sortMapKeys(parameters));
        }
    }

    private static ObjectNode layer(ObjectNode node, LayerInfo layer) {
        if (layer != null) {
            if (layer.digest() != null) {
                node.put("digest", layer.digest().toString());
            }
            if (layer.diffId() != null) {
                node.put("diffId", layer.diffId().toString());
            }
        }
        return node;
    }

    // ---- reading

    /**
     * Reads a config blob (or the Kitfile JSON of a ModelPack annotation) as Go's {@code json.Unmarshal}
     * into kit's struct would, including the digests; {@code sourceName} names it in errors.
     */
    public static Kitfile parseConfig(byte[] json, String sourceName) {
        if (json.length > KitfileReader.MAX_BYTES) {
            throw KitfileException.of(sourceName, null, "is larger than " + KitfileReader.MAX_BYTES / (1024 * 1024)
                    + " MiB; a Kitfile config this large is refused");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new KitfileException(sourceName, null, null, sourceName + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KitfileException(sourceName, null, null, sourceName + ": cannot read JSON: " + e.getMessage(), e);
        }
        return new ConfigReader(sourceName).kitfile(root);
    }

    /** Go's json.Unmarshal into kit's structs: later keys win, names match ignoring case, nulls leave zero values. */
    private static final class ConfigReader {
        private final String source;

        ConfigReader(String source) {
            this.source = source;
        }

        Kitfile kitfile(JsonNode root) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new Kitfile(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
            }
            Fields fields = fields(root, "", "manifestVersion", "package", "model", "code", "datasets", "docs",
                    "prompts", "mcpServers");
            return new Kitfile(string(fields, "manifestVersion"), kitPackage(fields.get("package")),
                    model(fields.get("model")),
                    list(fields.get("code"), "code", this::code),
                    list(fields.get("datasets"), "datasets", this::dataset),
                    list(fields.get("docs"), "docs", this::docs),
                    list(fields.get("prompts"), "prompts", this::prompt),
                    list(fields.get("mcpServers"), "mcpServers", this::mcpServer));
        }

        private KitPackage kitPackage(Field field) {
            if (field == null || field.value().isNull()) {
                return KitPackage.empty();
            }
            Fields fields = fields(field.value(), field.where(), "name", "version", "description", "license", "authors");
            List<String> authors = new ArrayList<>();
            Field authorsField = fields.get("authors");
            if (authorsField != null && !authorsField.value().isNull()) {
                JsonNode array = expect(authorsField, JsonNode::isArray, "an array of strings");
                for (int i = 0; i < array.size(); i++) {
                    JsonNode author = array.get(i);
                    if (!author.isTextual() && !author.isNull()) {
                        throw KitfileException.of(source, authorsField.where() + "[" + i + "]",
                                authorsField.where() + "[" + i + "] must be a string");
                    }
                    authors.add(author.isNull() ? "" : author.textValue());
                }
            }
            return new KitPackage(string(fields, "name"), string(fields, "version"), string(fields, "description"),
                    string(fields, "license"), authors);
        }

        private Model model(Field field) {
            if (field == null || field.value().isNull()) {
                return null;
            }
            Fields fields = fields(field.value(), field.where(), "name", "path", "license", "framework", "format",
                    "version", "description", "parts", "parameters", "digest", "diffId");
            return new Model(string(fields, "name"), string(fields, "path"), string(fields, "license"),
                    string(fields, "framework"), string(fields, "format"), string(fields, "version"),
                    string(fields, "description"), list(fields.get("parts"), field.where() + ".parts", this::part),
                    parameters(fields.get("parameters")), layer(fields));
        }

        private ModelPart part(JsonNode node, String where) {
            Fields fields = fields(node, where, "name", "path", "license", "type", "digest", "diffId");
            return new ModelPart(string(fields, "name"), string(fields, "path"), string(fields, "license"),
                    string(fields, "type"), layer(fields));
        }

        private Code code(JsonNode node, String where) {
            Fields fields = fields(node, where, "path", "description", "license", "digest", "diffId");
            return new Code(string(fields, "path"), string(fields, "description"), string(fields, "license"), layer(fields));
        }

        private Dataset dataset(JsonNode node, String where) {
            Fields fields = fields(node, where, "name", "path", "remotePath", "remoteHash", "description", "license",
                    "parameters", "digest", "diffId");
            return new Dataset(string(fields, "name"), string(fields, "path"), string(fields, "remotePath"),
                    string(fields, "remoteHash"), string(fields, "description"), string(fields, "license"),
                    parameters(fields.get("parameters")), layer(fields));
        }

        private Docs docs(JsonNode node, String where) {
            Fields fields = fields(node, where, "path", "description", "digest", "diffId");
            return new Docs(string(fields, "path"), string(fields, "description"), layer(fields));
        }

        private Prompt prompt(JsonNode node, String where) {
            Fields fields = fields(node, where, "name", "path", "description", "digest", "diffId");
            return new Prompt(string(fields, "path"), string(fields, "description"), string(fields, "name"), layer(fields));
        }

        private McpServer mcpServer(JsonNode node, String where) {
            Fields fields = fields(node, where, "name", "path", "description", "digest", "diffId");
            return new McpServer(string(fields, "name"), string(fields, "path"), string(fields, "description"),
                    layer(fields));
        }

        private <T> List<T> list(Field field, String where, BiFunction<JsonNode, String, T> element) {
            if (field == null || field.value().isNull()) {
                return List.of();
            }
            JsonNode array = expect(field, JsonNode::isArray, "an array");
            List<T> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                // json.Unmarshal turns a null element into a zero struct; it stays in the list
                items.add(element.apply(item.isNull() ? NODES.objectNode() : item, where + "[" + i + "]"));
            }
            return items;
        }

        private JsonNode parameters(Field field) {
            if (field == null) {
                return null;
            }
            try {
                return ParameterValues.canonical(field.value());
            } catch (IllegalArgumentException e) {
                throw KitfileException.of(source, field.where(), field.where() + ": " + e.getMessage());
            }
        }

        private LayerInfo layer(Fields fields) {
            return new LayerInfo(digest(fields, "digest"), digest(fields, "diffId"));
        }

        private Digest digest(Fields fields, String name) {
            String text = string(fields, name);
            if (text == null) {
                return null;
            }
            try {
                return Digest.parse(text);
            } catch (ModelKitException e) {
                Field field = fields.get(name);
                throw KitfileException.of(source, field.where(), field.where() + ": " + e.getMessage());
            }
        }

        private String string(Fields fields, String name) {
            Field field = fields.get(name);
            if (field == null || field.value().isNull()) {
                return null;
            }
            return expect(field, JsonNode::isTextual, "a string").textValue();
        }

        private JsonNode expect(Field field, java.util.function.Predicate<JsonNode> test, String expected) {
            if (!test.test(field.value())) {
                throw KitfileException.of(source, field.where(), field.where() + " must be " + expected + ", not "
                        + field.value().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            return field.value();
        }

        private Fields fields(JsonNode node, String where, String... names) {
            if (!node.isObject()) {
                String place = where.isEmpty() ? "the config" : where;
                throw KitfileException.of(source, where.isEmpty() ? null : where, place + " must be an object, not "
                        + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            Fields fields = new Fields();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = match(entry.getKey(), names);
                if (name != null) {
                    fields.put(name, new Field(where.isEmpty() ? name : where + "." + name, entry.getValue()));
                }
            }
            return fields;
        }

        /** Go's encoding/json field matching: the exact name, else one equal ignoring case. */
        private static String match(String key, String[] names) {
            for (String name : names) {
                if (name.equals(key)) {
                    return name;
                }
            }
            for (String name : names) {
                if (name.equalsIgnoreCase(key)) {
                    return name;
                }
            }
            return null;
        }
    }

    /** A matched JSON member: the field path for errors and its value. */
    private record Field(String where, JsonNode value) {
    }

    /** Matched fields by struct field name; a later JSON key for the same field replaces an earlier one. */
    private record Fields(Map<String, Field> byName) {
        Fields() {
            this(new java.util.HashMap<>());
        }

        Field get(String name) {
            return byName.get(name);
        }

        void put(String name, Field field) {
            byName.put(name, field);
        }
    }
}
