package io.modelkit.core.gate;

import java.util.List;
import java.util.Map;

/** A node of a policy document with the 1-based line and column it starts at, for errors that point at it. */
sealed interface PolicyNode {

    int line();

    int column();

    /** {@code rules[1].provenance.keys}: where the node sits, for messages. */
    String path();

    /** What kind of YAML value this is, in the words of an error message. */
    String describe();

    /** A scalar; {@code text} is null for YAML null, {@code type} says what YAML resolved it to. */
    record Scalar(String text, ScalarType type, String path, int line, int column) implements PolicyNode {
        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "null";
                case BOOLEAN -> "a boolean";
                case INTEGER, DECIMAL -> "a number";
                case STRING -> "a string";
            };
        }
    }

    /** A mapping with its keys in document order. */
    record Mapping(Map<String, Entry> entries, String path, int line, int column) implements PolicyNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A key (with its own position) and its value. */
    record Entry(String key, int line, int column, PolicyNode value) {
    }

    record Sequence(List<PolicyNode> items, String path, int line, int column) implements PolicyNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    enum ScalarType { NULL, BOOLEAN, INTEGER, DECIMAL, STRING }
}
