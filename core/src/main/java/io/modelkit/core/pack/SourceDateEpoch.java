package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SOURCE_DATE_EPOCH} convention (reproducible-builds.org): when set, it replaces the
 * current time in the {@code created} annotation so that repeated packs give the same manifest.
 */
public final class SourceDateEpoch {
    public static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private SourceDateEpoch() {
    }

    /** The time the variable gives, or empty when it is unset or blank. */
    public static Optional<Instant> from(Map<String, String> env) {
        String value = env.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw new ModelKitException(VARIABLE + "='" + value + "' is not a whole number of seconds since 1970-01-01", e);
        }
    }
}
