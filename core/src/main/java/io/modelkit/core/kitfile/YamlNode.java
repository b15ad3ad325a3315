package io.modelkit.core.kitfile;

import java.util.List;

/**
 * The YAML document as yaml.v3 sees it before decoding: scalars keep their text, style and tag so that
 * resolution can follow yaml.v3, and aliases point at their anchored node (expanded only while binding,
 * under an alias budget).
 */
sealed interface YamlNode {

    /** 1-based line where the node starts. */
    int line();

    /** A scalar; {@code quoted} means single/double quoted or a literal/folded block (yaml.v3's "indicated string"). */
    record Scalar(String value, String tag, boolean quoted, int line) implements YamlNode {

        /** yaml.v3's {@code indicatedString}: text that is a string whatever it looks like. */
        boolean indicatedString() {
            return YamlScalars.STR.equals(tag) || quoted && (tag.isEmpty() || tag.equals("!"));
        }

        /** True for {@code <<} used as a key: yaml.v3's merge key. */
        boolean isMergeKey() {
            return value.equals("<<") && !quoted && (tag.isEmpty() || tag.equals("!") || tag.equals(YamlScalars.MERGE));
        }
    }

    /** A mapping, entries in document order; keys are scalars. */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
    }

    /** One key and its value. */
    record Entry(Scalar key, YamlNode value) {
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    /** {@code *name}: the node anchored as {@code &name}. */
    record Alias(String anchor, YamlNode target, int line) implements YamlNode {
    }
}
