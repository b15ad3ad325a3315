package io.modelkit.core.registry;

import io.modelkit.core.ModelKitException;

/**
 * A registry refused or failed a request. The message is one line that names the registry,
 * repository and reference, the registry's own error code and message and the HTTP status, e.g.
 * {@code localhost:5000/team/model:1.0: manifest unknown (MANIFEST_UNKNOWN, HTTP 404)}. It never
 * contains a credential or token.
 */
public class RegistryException extends ModelKitException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (e.g. a 404 on HEAD is "missing"). */
    public enum Kind {
        /** 401: no or wrong credentials. */
        UNAUTHORIZED,
        /** 403: the credentials do not allow this action. */
        DENIED,
        /** 404: no such repository, manifest, blob or upload. */
        NOT_FOUND,
        /** 429 after every retry. */
        TOO_MANY_REQUESTS,
        /** The registry refused the content (400, 412, 413, 416...). */
        REFUSED,
        /** 5xx after every retry, or the registry is unreachable. */
        UNAVAILABLE,
        /** The registry answered something that breaks the protocol, such as a wrong digest. */
        INVALID_RESPONSE
    }

    private final Kind kind;
    private final String registry;
    private final String repository;
    private final String reference;
    private final int status;
    private final String code;
    private final String registryMessage;

    RegistryException(Kind kind, String registry, String repository, String reference, int status, String code,
                      String registryMessage, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.status = status;
        this.code = code == null ? "" : code;
        this.registryMessage = registryMessage == null ? "" : registryMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** The registry host, {@code host[:port]}. */
    public String registry() {
        return registry;
    }

    /** The repository, or an empty string for registry-wide requests. */
    public String repository() {
        return repository;
    }

    /** The tag or digest the request was about, or an empty string. */
    public String reference() {
        return reference;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The registry's error code such as {@code MANIFEST_UNKNOWN}, or an empty string. */
    public String code() {
        return code;
    }

    /** The registry's own error message, or an empty string. */
    public String registryMessage() {
        return registryMessage;
    }
}
