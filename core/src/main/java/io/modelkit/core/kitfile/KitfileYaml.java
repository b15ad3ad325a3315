package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.kitfile.YamlEmitter.MapNode;
import io.modelkit.core.kitfile.YamlEmitter.Node;
import io.modelkit.core.kitfile.YamlEmitter.Scalar;
import io.modelkit.core.kitfile.YamlEmitter.SeqNode;
import io.modelkit.core.kitfile.YamlEmitter.Style;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a Kitfile as YAML the way kit does on unpack and init ({@code yaml.v3} {@code Encoder} with
 * {@code SetIndent(2)}): struct field order, empty fields left out (but {@code manifestVersion} and
 * {@code docs[].path} always written), {@code authors} in flow style, no digests, parameter keys in
 * yaml.v3's natural order and numbers formatted as Go formats a float64. The result reads back to an
 * equal Kitfile without LayerInfo.
 */
public final class KitfileYaml {
    private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    private KitfileYaml() {
    }

    public static String write(Kitfile kitfile) {
        Fields root = new Fields();
        root.put("manifestVersion", string(Texts.orEmpty(kitfile.manifestVersion())));
        KitPackage kitPackage = kitfile.kitPackage();
        if (!kitPackage.isEmpty()) {
            Fields node = new Fields();
            node.putIfSet("name", kitPackage.name());
            node.putIfSet("version", kitPackage.version());
            node.putIfSet("description", kitPackage.description());
            node.putIfSet("license", kitPackage.license());
            if (!kitPackage.authors().isEmpty()) {
                node.put("authors", new SeqNode(kitPackage.authors().stream().<Node>map(KitfileYaml::string).toList(), true));
            }
            root.put("package", node.toNode());
        }
        if (kitfile.model() != null) {
            root.put("model", model(kitfile.model()));
        }
        root.putList("code", kitfile.code(), code -> {
            Fields node = new Fields();
            node.putIfSet("path", code.path());
            node.putIfSet("description", code.description());
            node.putIfSet("license", code.license());
            return node.toNode();
        });
        root.putList("datasets", kitfile.datasets(), dataset -> {
            Fields node = new Fields();
            node.putIfSet("name", dataset.name());
            node.putIfSet("path", dataset.path());
            node.putIfSet("remotePath", dataset.remotePath());
            node.putIfSet("remoteHash", dataset.remoteHash());
            node.putIfSet("description", dataset.description());
            node.putIfSet("license", dataset.license());
            node.putParameters(dataset.parameters());
            return node.toNode();
        });
        root.putList("docs", kitfile.docs(), docs -> {
            Fields node = new Fields();
            node.put("path", string(Texts.orEmpty(docs.path())));
            node.putIfSet("description", docs.description());
            return node.toNode();
        });
        root.putList("prompts", kitfile.prompts(), prompt -> {
            Fields node = new Fields();
            node.putIfSet("name", prompt.name());
            node.putIfSet("path", prompt.path());
            node.putIfSet("description", prompt.description());
            return node.toNode();
        });
        root.putList("mcpServers", kitfile.mcpServers(), server -> {
            Fields node = new Fields();
            node.putIfSet("name", server.name());
            node.putIfSet("path", server.path());
            node.putIfSet("description", server.description());
            return node.toNode();
        });
        return YamlEmitter.document(root.toNode());
    }

    private static Node model(Model model) {
        Fields node = new Fields();
        node.putIfSet("name", model.name());
        node.putIfSet("path", model.path());
        node.putIfSet("license", model.license());
        node.putIfSet("framework", model.framework());
        node.putIfSet("format", model.format());
        node.putIfSet("version", model.version());
        node.putIfSet("description", model.description());
        node.putList("parts", model.parts(), part -> {
            Fields partNode = new Fields();
            partNode.putIfSet("name", part.name());
            partNode.putIfSet("path", part.path());
            partNode.putIfSet("license", part.license());
            partNode.putIfSet("type", part.type());
            return partNode.toNode();
        });
        node.putParameters(model.parameters());
        return node.toNode();
    }

    /** A parameter value as yaml.v3 writes the {@code interface{}} kit decoded from the config JSON. */
    private static Node parameter(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                value.fieldNames().forEachRemaining(keys::add);
                Fields fields = new Fields();
                for (String key : YamlKeyOrder.sort(keys)) {
                    fields.put(key, parameter(value.get(key)));
                }
                yield fields.toNode();
            }
            case ARRAY -> {
                List<Node> items = new ArrayList<>();
                value.forEach(item -> items.add(parameter(item)));
                yield new SeqNode(items, false);
            }
            case STRING -> string(value.textValue());
            case NUMBER -> new Scalar(ParameterValues.yamlText(value), Style.PLAIN);
            case BOOLEAN -> new Scalar(value.booleanValue() ? "true" : "false", Style.PLAIN);
            default -> new Scalar("null", Style.PLAIN);
        };
    }

    /**
     * yaml.v3's {@code stringv}: a literal block for multi-line text, plain when the text would read back
     * as the same string (not a number, bool, null, timestamp, YAML 1.1 bool or base-60 number), else
     * double-quoted.
     */
    static Scalar string(String text) {
        String value = withoutLoneSurrogates(text);
        if (value.contains("\n")) {
            return new Scalar(value, Style.LITERAL);
        }
        boolean plain = YamlScalars.STR.equals(YamlScalars.plainTag(value)) && !isBase60Float(value) && !isOldBool(value);
        return new Scalar(value, plain ? Style.PLAIN : Style.DOUBLE_QUOTED);
    }

    private static boolean isBase60Float(String value) {
        if (value.isEmpty() || value.indexOf(':') < 0) {
            return false;
        }
        char first = value.charAt(0);
        return (first == '+' || first == '-' || first >= '0' && first <= '9') && BASE60_FLOAT.matcher(value).matches();
    }

    private static boolean isOldBool(String value) {
        return switch (value) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> true;
            default -> false;
        };
    }

    /** Go strings hold no lone surrogates: its JSON decoder has already turned them into U+FFFD. */
    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The fields of one struct, in the order they are added. */
    private static final class Fields {
        private final List<Map.Entry<Scalar, Node>> entries = new ArrayList<>();

        void put(String name, Node value) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(string(name), value));
        }

        void putIfSet(String name, String value) {
            if (value != null) {
                put(name, string(value));
            }
        }

        void putParameters(JsonNode parameters) {
            if (parameters != null) {
                put("parameters", parameter(parameters));
            }
        }

        <T> void putList(String name, List<T> items, java.util.function.Function<T, Node> toNode) {
            if (!items.isEmpty()) {
                put(name, new SeqNode(items.stream().map(toNode).toList(), false));
            }
        }

        MapNode toNode() {
            return new MapNode(List.copyOf(entries), false);
        }
    }
}
