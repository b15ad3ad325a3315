package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference in the hyperparameters. {@code path} names the value as in
 * {@code model.parameters.optimizer.betas[1]} or {@code datasets[train].parameters.rows}; a key that is not
 * a plain word is written {@code ["a key"]}. {@code oldValue} is null when added, {@code newValue} when removed.
 */
public record ValueChange(String path, ChangeKind kind, JsonNode oldValue, JsonNode newValue) {
    public ValueChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The change as it touches each value below this path: a map or list that was added, removed or
     * replaced by another type is reported once, at its own path, by the diff; a rule about
     * {@code optimizer.lr} must still see that {@code optimizer} went away. Old leaves come back as
     * removed and new leaves as added, each at its full path. Empty for a change of one value.
     */
    public List<ValueChange> leaves() {
        List<ValueChange> leaves = new ArrayList<>();
        if (oldValue != null && oldValue.isContainerNode()) {
            collect(path, oldValue, true, leaves);
        }
        if (newValue != null && newValue.isContainerNode()) {
            collect(path, newValue, false, leaves);
        }
        return leaves;
    }

    private static void collect(String at, JsonNode node, boolean removed, List<ValueChange> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(at + ParameterDiff.key(field.getKey()), field.getValue(), removed, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(at + "[" + i + "]", node.get(i), removed, out);
            }
        } else {
            out.add(removed ? new ValueChange(at, ChangeKind.REMOVED, node, null) : new ValueChange(at, ChangeKind.ADDED, null, node));
        }
    }

    /** True when a number changed into another number, so that {@link #absoluteChange()} is known. */
    public boolean isNumeric() {
        return kind == ChangeKind.CHANGED && oldValue != null && newValue != null
                && oldValue.isNumber() && newValue.isNumber();
    }

    /** {@code new - old}, exactly as the decimal numbers were written, for a number that changed. */
    public Optional<BigDecimal> absoluteChange() {
        if (!isNumeric()) {
            return Optional.empty();
        }
        return Optional.of(newValue.decimalValue().subtract(oldValue.decimalValue()).stripTrailingZeros());
    }

    /**
     * {@code (new - old) / |old|} to 16 significant digits for a number that changed (0.1 is +10%); empty
     * when the old value is zero, where no ratio exists.
     */
    public Optional<BigDecimal> relativeChange() {
        BigDecimal old = isNumeric() ? oldValue.decimalValue() : BigDecimal.ZERO;
        if (old.signum() == 0) {
            return Optional.empty();
        }
        return absoluteChange().map(delta -> delta.divide(old.abs(), MathContext.DECIMAL64).stripTrailingZeros());
    }
}
