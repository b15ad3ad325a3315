package io.modelkit.core.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads policy YAML into {@link PolicyNode}s that remember their line and column. One document, no
 * aliases (a policy never needs them and they would let one node stand for many), no duplicate keys,
 * bounded depth and size.
 */
final class PolicyYaml {
    static final int MAX_CHARS = 1024 * 1024;
    private static final int MAX_DEPTH = 32;

    private final String source;
    private final JsonParser parser;

    private PolicyYaml(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The document's root, or null when the text holds none. */
    static PolicyNode parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
                options.setAllowDuplicateKeys(true); // reported below with both positions
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
        try (JsonParser parser = factory.createParser(text)) {
            PolicyYaml yaml = new PolicyYaml(source, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            PolicyNode root = yaml.value(first, "");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new PolicyException(source, at.getLineNr(), at.getColumnNr(),
                        "a second YAML document follows; a policy holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            if (at != null) {
                throw new PolicyException(source, at.getLineNr(), at.getColumnNr(), "not valid YAML: " + message);
            }
            throw new PolicyException(source, "not valid YAML: " + message, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PolicyException policy) {
                throw policy;
            }
            throw new PolicyException(source, "not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private PolicyNode value(JsonToken token, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new PolicyException(source, line, column, path + ": an alias (*" + parser.getText()
                    + "); a policy spells every value out");
        }
        return switch (token) {
            case START_OBJECT -> mapping(path, line, column);
            case START_ARRAY -> sequence(path, line, column);
            case VALUE_NULL -> new PolicyNode.Scalar(null, PolicyNode.ScalarType.NULL, path, line, column);
            case VALUE_TRUE, VALUE_FALSE ->
                    new PolicyNode.Scalar(parser.getText(), PolicyNode.ScalarType.BOOLEAN, path, line, column);
            case VALUE_NUMBER_INT -> new PolicyNode.Scalar(parser.getText(), PolicyNode.ScalarType.INTEGER, path, line, column);
            case VALUE_NUMBER_FLOAT ->
                    new PolicyNode.Scalar(parser.getText(), PolicyNode.ScalarType.DECIMAL, path, line, column);
            case VALUE_STRING -> new PolicyNode.Scalar(parser.getText(), PolicyNode.ScalarType.STRING, path, line, column);
            default -> throw new PolicyException(source, line, column, "unexpected YAML " + token);
        };
    }

    private PolicyNode.Mapping mapping(String path, int line, int column) throws IOException {
        Map<String, PolicyNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            JsonLocation at = parser.currentTokenLocation();
            String key = parser.currentName();
            String childPath = path.isEmpty() ? key : path + "." + key;
            PolicyNode value = value(parser.nextToken(), childPath);
            PolicyNode.Entry previous = entries.get(key);
            if (previous != null) {
                throw new PolicyException(source, at.getLineNr(), at.getColumnNr(), "duplicate key '" + childPath
                        + "' (first at " + previous.line() + ":" + previous.column() + ")");
            }
            entries.put(key, new PolicyNode.Entry(key, at.getLineNr(), at.getColumnNr(), value));
        }
        return new PolicyNode.Mapping(entries, path, line, column);
    }

    private PolicyNode.Sequence sequence(String path, int line, int column) throws IOException {
        List<PolicyNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(token, path + "[" + items.size() + "]"));
        }
        return new PolicyNode.Sequence(List.copyOf(items), path, line, column);
    }
}
