package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
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
