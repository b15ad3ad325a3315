package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.oci.Descriptor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the text and Markdown renderers write values, so that both say the same thing. */
final class DiffFormat {
    static final String NONE = "(none)";

    private DiffFormat() {
    }

    /** A parameter value as compact JSON; an absent one as {@code (none)}. */
    static String value(JsonNode node) {
        return node == null ? NONE : GoJson.writeString(node);
    }

    static String text(String value) {
        return value == null ? NONE : value;
    }

    /** {@code +0.005 (+10%)} for a number, the JSON types for a type change, else empty. */
    static String delta(ValueChange change) {
        if (change.kind() == ChangeKind.TYPE_CHANGED) {
            return typeName(change.oldValue()) + " -> " + typeName(change.newValue());
        }
        return change.absoluteChange().map(delta -> signed(delta)
                + change.relativeChange().map(ratio -> " (" + signed(percent(ratio)) + "%)").orElse(""))
                .orElse("");
    }

    static String marker(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            case TYPE_CHANGED -> "!";
        };
    }

    static String marker(ContentStatus status) {
        return switch (status) {
            case UNCHANGED -> "=";
            case CHANGED -> "~";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
    }

    static String kind(ChangeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String status(ContentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** A layer as {@code sha256:<12 hex> (<size> B)}; the JSON output carries the full digest. */
    static String layer(Descriptor layer) {
        return layer == null ? NONE : shortDigest(layer) + " (" + layer.size() + " B)";
    }

    static String shortDigest(Descriptor layer) {
        return layer.digest().algorithm() + ":" + layer.digest().hex().substring(0, 12);
    }

    static String layersSummary(ManifestComparison layers) {
        return layers.sharedLayers().size() + " shared, " + layers.uniqueLayersA().size() + " only in A, "
                + layers.uniqueLayersB().size() + " only in B; config " + (layers.sameConfig() ? "same" : "differs")
                + "; annotations " + (layers.annotationsMatch() ? "match" : "differ");
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String signed(BigDecimal number) {
        return (number.signum() > 0 ? "+" : "") + number.toPlainString();
    }
}
