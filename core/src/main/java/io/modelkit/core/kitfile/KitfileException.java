package io.modelkit.core.kitfile;

import io.modelkit.core.ModelKitException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Kitfile (or Kitfile config) that cannot be read, written or accepted. Carries the source it came
 * from, and where known the 1-based line and the field path (such as {@code model.parts[1].path}).
 */
public class KitfileException extends ModelKitException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final Integer line;
    private final String field;

    public KitfileException(String sourceName, Integer line, String field, String message) {
        super(message);
        this.sourceName = sourceName;
        this.line = line;
        this.field = field;
    }

    public KitfileException(String sourceName, Integer line, String field, String message, Throwable cause) {
        super(message, cause);
        this.sourceName = sourceName;
        this.line = line;
        this.field = field;
    }

    /** An error at a line of a source: {@code <source> line <n>: <detail>}. */
    static KitfileException at(String sourceName, int line, String field, String detail) {
        return new KitfileException(sourceName, line, field, sourceName + " line " + line + ": " + detail);
    }

    /** An error about a source as a whole or one of its fields: {@code <source>: <detail>}. */
    static KitfileException of(String sourceName, String field, String detail) {
        return new KitfileException(sourceName, null, field, sourceName + ": " + detail);
    }

    public String sourceName() {
        return sourceName;
    }

    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
