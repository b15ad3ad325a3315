package io.modelkit.core.oci;

/** Annotation keys used on ModelKit manifests, layers and OCI image layout index entries. */
public final class Annotations {
    /** The name of an index entry in an OCI image layout (a tag, or a full reference). */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** Creation time, RFC 3339. */
    public static final String CREATED = "org.opencontainers.image.created";
    /** The version of the tool that packed a ModelKit. */
    public static final String KIT_CLI_VERSION = "ml.kitops.modelkit.cli-version";
    /** The Kitfile as JSON, carried on ModelPack manifests that have no Kitfile config. */
    public static final String KITFILE = "ml.kitops.modelkit.kitfile";
    /** Marks a code layer that holds prompts (value {@link #LAYER_SUBTYPE_PROMPT}). */
    public static final String LAYER_SUBTYPE = "ml.kitops.modelkit.layer-subtype";
    /** The value of {@link #LAYER_SUBTYPE} for prompt layers. */
    public static final String LAYER_SUBTYPE_PROMPT = "prompt";
    /** The Kitfile path a layer was packed from, forward slashes, cleaned. */
    public static final String FILEPATH = "org.cncf.model.filepath";
    /** JSON metadata of the single file in a raw layer. */
    public static final String FILE_METADATA = "org.cncf.model.file.metadata+json";

    private Annotations() {
    }
}
