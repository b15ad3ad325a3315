package io.modelkit.core.container;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.LayerKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which ModelKit layers go into the image, as {@code --include} spells them. */
public enum ContentKind {
    MODEL, PARTS, DATASETS, CODE, DOCS, PROMPTS, MCPSERVERS;

    /** The kind a Kitfile layer entry belongs to. */
    public static ContentKind of(LayerKind kind) {
        return switch (kind) {
            case MODEL -> MODEL;
            case MODEL_PART -> PARTS;
            case DATASET -> DATASETS;
            case CODE -> CODE;
            case DOCS -> DOCS;
            case PROMPT -> PROMPTS;
            case MCP_SERVER -> MCPSERVERS;
        };
    }

    /** Parses {@code model,parts,code}; the error names the unknown word and the accepted ones. */
    public static Set<ContentKind> parseList(String text) {
        Set<ContentKind> kinds = EnumSet.noneOf(ContentKind.class);
        for (String word : text.split(",")) {
            String name = word.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            kinds.add(parse(name));
        }
        if (kinds.isEmpty()) {
            throw new ModelKitException("--include '" + text + "' names no content kind (model, parts, datasets, code, docs, prompts, mcpservers)");
        }
        return kinds;
    }

    private static ContentKind parse(String name) {
        for (ContentKind kind : values()) {
            if (kind.spelling().equals(name)) {
                return kind;
            }
        }
        throw new ModelKitException("unknown content kind '" + name + "' (expected model, parts, datasets, code, docs, prompts or mcpservers)");
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
