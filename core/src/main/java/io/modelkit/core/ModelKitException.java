package io.modelkit.core;

/**
 * Base of every error the core reports. Unchecked, and always built with a message that names the
 * file, field or reference at fault, so that front-ends can print it on one line as it is.
 */
public class ModelKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelKitException(String message) {
        super(message);
    }

    public ModelKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
