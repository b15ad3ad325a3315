package io.modelkit.core.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.diff.ChangeKind;
import io.modelkit.core.diff.ValueChange;
import java.util.Objects;

/**
 * One hyperparameter difference to the previous stage, with the values as JSON text ({@code 0.001},
 * {@code "adam"}, {@code [0.9,0.999]}) so that a page shows them as written; null where the value is absent.
 */
public record ParameterChange(String path, String oldValue, String newValue, ChangeKind kind) {
    public ParameterChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    public static ParameterChange of(ValueChange change) {
        return new ParameterChange(change.path(), text(change.oldValue()), text(change.newValue()), change.kind());
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.toString(); // Jackson's compact JSON, numbers as read
    }
}
