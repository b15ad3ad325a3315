package io.modelkit.core.unpack;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.LayerKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code --filter TYPES[:NAMES]} of {@code kit unpack}: which kinds of content to unpack and,
 * optionally, only the entries with one of these names or paths. Several filters are OR-ed.
 */
public record UnpackFilter(Set<Type> types, List<String> names) {

    /** The types a filter may name, as kit spells them. */
    public enum Type {
        KITFILE("kitfile"), MODEL("model"), DATASETS("datasets"), CODE("code"), DOCS("docs"), PROMPTS("prompts"),
        MCPSERVERS("mcpservers");

        private final String spelling;

        Type(String spelling) {
            this.spelling = spelling;
        }

        static Type parse(String text, String filter) {
            for (Type type : values()) {
                if (type.spelling.equals(text.toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
            throw new ModelKitException("invalid filter '" + filter + "': unknown type '" + text
                    + "' (expected kitfile, model, datasets, code, docs, prompts or mcpservers)");
        }

        /** The filter type that selects layers of {@code kind}; a model's parts go with the model. */
        static Type of(LayerKind kind) {
            return switch (kind) {
                case MODEL, MODEL_PART -> MODEL;
                case DATASET -> DATASETS;
                case CODE -> CODE;
                case DOCS -> DOCS;
                case PROMPT -> PROMPTS;
                case MCP_SERVER -> MCPSERVERS;
            };
        }
    }

    public UnpackFilter {
        types = Set.copyOf(types);
        names = List.copyOf(names);
    }

    /** Parses {@code model,docs} or {@code datasets:train,eval}. */
    public static UnpackFilter parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String typePart = colon < 0 ? trimmed : trimmed.substring(0, colon);
        if (typePart.isBlank()) {
            throw new ModelKitException("invalid filter '" + text + "': expected TYPES[:NAMES], such as model,docs or datasets:train");
        }
        Set<Type> types = EnumSet.noneOf(Type.class);
        for (String type : typePart.split(",")) {
            types.add(Type.parse(type.trim(), text));
        }
        List<String> names = colon < 0 ? List.of()
                : Arrays.stream(trimmed.substring(colon + 1).split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        return new UnpackFilter(types, names);
    }

    /** Whether the Kitfile itself is to be written. */
    public boolean selectsKitfile() {
        return types.contains(Type.KITFILE);
    }

    /** Whether a layer of {@code kind} with this entry name and path is to be unpacked. */
    public boolean selects(LayerKind kind, String name, String path) {
        if (!types.contains(Type.of(kind))) {
            return false;
        }
        return names.isEmpty() || names.contains(path) || (name != null && names.contains(name))
                || names.contains(GoPaths.clean(path));
    }
}
