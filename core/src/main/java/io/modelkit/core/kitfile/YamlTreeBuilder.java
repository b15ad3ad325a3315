package io.modelkit.core.kitfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Turns YAML text into a {@link YamlNode} tree, refusing what a Kitfile never needs and an attacker
 * would use: more than one document, nesting deeper than {@link #MAX_DEPTH}, more than
 * {@link #MAX_NODES} nodes, aliases to unknown or enclosing anchors.
 */
final class YamlTreeBuilder {
    static final int MAX_DEPTH = 100;
    static final int MAX_NODES = 200_000;

    private final String source;
    private final YamlEventParser parser;
    /** Anchor name to its node, or to a {@link Pending} marker while the anchored collection is being read. */
    private final Map<String, Object> anchors = new HashMap<>();
    private int nodes;

    private YamlTreeBuilder(String source, YamlEventParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The document's root node, or null when the text holds no document at all. */
    static YamlNode build(String text, String source, int maxChars) {
        YamlEventParser parser;
        try {
            parser = YamlEventParser.open(text, MAX_DEPTH, maxChars);
        } catch (IOException e) {
            throw new KitfileException(source, null, null, source + ": cannot read YAML: " + e.getMessage(), e);
        }
        try (parser) {
            YamlTreeBuilder builder = new YamlTreeBuilder(source, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = builder.value(first);
            if (parser.nextToken() != null) {
                throw KitfileException.at(source, builder.line(parser.event()), null,
                        "a second YAML document starts here; a Kitfile holds exactly one document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw KitfileException.at(source, currentLine(parser), null, constraintMessage(e));
        } catch (JsonProcessingException e) {
            throw invalidYaml(source, e);
        } catch (YAMLException e) {
            throw invalidYaml(source, e);
        } catch (IOException e) {
            throw new KitfileException(source, null, null, source + ": cannot read YAML: " + e.getMessage(), e);
        }
    }

    /** The line the parser has reached: where a limit was crossed. */
    private static int currentLine(YamlEventParser parser) {
        Event event = parser.event();
        if (event != null) {
            return event.getStartMark().getLine() + 1;
        }
        return line(parser.currentLocation());
    }

    private YamlNode value(JsonToken token) throws IOException {
        if (++nodes > MAX_NODES) {
            throw KitfileException.at(source, line(parser.event()), null,
                    "more than " + MAX_NODES + " YAML nodes; a Kitfile this large is refused");
        }
        Event event = parser.event();
        if (event instanceof AliasEvent alias) {
            return alias(alias);
        }
        return switch (token) {
            case START_OBJECT -> mapping((CollectionStartEvent) event);
            case START_ARRAY -> sequence((CollectionStartEvent) event);
            default -> anchored((NodeEvent) event, scalar((ScalarEvent) event));
        };
    }

    private YamlNode.Mapping mapping(CollectionStartEvent start) throws IOException {
        Pending pending = open(start);
        List<YamlNode.Entry> entries = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token == null) {
                throw KitfileException.at(source, line(start), null, "the mapping starting here is not closed");
            }
            ScalarEvent keyEvent = (ScalarEvent) parser.event();
            if (++nodes > MAX_NODES) {
                throw KitfileException.at(source, line(keyEvent), null,
                        "more than " + MAX_NODES + " YAML nodes; a Kitfile this large is refused");
            }
            YamlNode.Scalar key = scalar(keyEvent);
            anchored(keyEvent, key);
            YamlNode value = value(parser.nextToken());
            entries.add(new YamlNode.Entry(key, value));
        }
        return close(start, pending, new YamlNode.Mapping(List.copyOf(entries), line(start)));
    }

    private YamlNode.Sequence sequence(CollectionStartEvent start) throws IOException {
        Pending pending = open(start);
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw KitfileException.at(source, line(start), null, "the sequence starting here is not closed");
            }
            items.add(value(token));
        }
        return close(start, pending, new YamlNode.Sequence(List.copyOf(items), line(start)));
    }

    private YamlNode.Scalar scalar(ScalarEvent event) {
        boolean quoted = event.getScalarStyle() != ScalarStyle.PLAIN;
        return new YamlNode.Scalar(event.getValue(), YamlScalars.shortTag(event.getTag()), quoted, line(event));
    }

    private YamlNode alias(AliasEvent event) {
        Object target = anchors.get(event.getAnchor());
        if (target == null) {
            throw KitfileException.at(source, line(event), null, "unknown anchor '" + event.getAnchor() + "' referenced");
        }
        if (target instanceof Pending) {
            throw KitfileException.at(source, line(event), null, "anchor '" + event.getAnchor() + "' value contains itself");
        }
        return new YamlNode.Alias(event.getAnchor(), (YamlNode) target, line(event));
    }

    /** yaml.v3 registers an anchor when its node starts, so a later anchor of the same name wins. */
    private Pending open(CollectionStartEvent start) {
        if (start.getAnchor() == null) {
            return null;
        }
        Pending pending = new Pending();
        anchors.put(start.getAnchor(), pending);
        return pending;
    }

    private <T extends YamlNode> T close(CollectionStartEvent start, Pending pending, T node) {
        if (pending != null && anchors.get(start.getAnchor()) == pending) {
            anchors.put(start.getAnchor(), node);
        }
        return node;
    }

    private <T extends YamlNode> T anchored(NodeEvent event, T node) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), node);
        }
        return node;
    }

    private int line(Event event) {
        return event.getStartMark().getLine() + 1;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private static String constraintMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            return "YAML nested deeper than " + MAX_DEPTH + " levels; a Kitfile this deep is refused";
        }
        return "YAML exceeds a size limit: " + message;
    }

    private static KitfileException invalidYaml(String source, Exception e) {
        MarkedYAMLException marked = e instanceof MarkedYAMLException m ? m
                : e.getCause() instanceof MarkedYAMLException m ? m : null;
        if (marked != null) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            if (mark != null) {
                return KitfileException.at(source, mark.getLine() + 1, null, "not valid YAML: " + problem);
            }
            return new KitfileException(source, null, null, source + ": not valid YAML: " + problem, e);
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            String message = json.getOriginalMessage();
            if (message != null && message.startsWith("Expected a field name")) {
                message = "a mapping key must be a plain value, not an alias, a list or a map";
            }
            return KitfileException.at(source, line(json.getLocation()), null, "not valid YAML: " + message);
        }
        return new KitfileException(source, null, null, source + ": not valid YAML: " + e.getMessage(), e);
    }

    /** Marks an anchor whose collection is still being read: an alias to it would be a cycle. */
    private static final class Pending {
    }
}
