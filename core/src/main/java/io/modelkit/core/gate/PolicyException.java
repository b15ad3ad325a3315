package io.modelkit.core.gate;

import io.modelkit.core.ModelKitException;

/**
 * A gate policy that cannot be read or accepted. The message names the file and, where known, the
 * 1-based line and column: {@code gate.yaml:12:7: rules[1].mode: expected enforce or audit, got 'warn'}.
 */
public final class PolicyException extends ModelKitException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    PolicyException(String source, int line, int column, String detail) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    PolicyException(String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
        this.source = source;
        this.line = 0;
        this.column = 0;
    }

    public String source() {
        return source;
    }

    /** 1-based line, 0 when the error is about the file as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when the error is about the file as a whole. */
    public int column() {
        return column;
    }
}
