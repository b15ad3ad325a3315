package io.modelkit.core.registry;

/** How blobs are uploaded. */
public enum UploadMode {
    /** One PUT for blobs up to the chunk size, chunked PATCHes above it. */
    AUTO,
    /** Always one PUT with the whole blob, for registries that do not take chunks. */
    MONOLITHIC,
    /** Always chunked PATCHes, each resumable. */
    CHUNKED
}
