package io.modelkit.core.oci;

/**
 * Media types and artifact types of OCI content and of the two ModelKit formats (KitOps and CNCF
 * ModelPack). Layer media types have their own value type, {@link LayerMediaType}.
 */
public final class MediaTypes {
    /** An OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    /** An OCI image index. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** The OCI empty descriptor's media type, for config-less artifacts. */
    public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    /** Docker's schema 2 manifest, which readers must accept in place of an OCI manifest. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    /** Docker's manifest list, the schema 2 counterpart of an OCI index. */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** The config blob of a KitOps ModelKit: the Kitfile as JSON. */
    public static final String KIT_CONFIG = "application/vnd.kitops.modelkit.config.v1+json";
    /** The manifest artifactType newer kit versions write for a ModelKit. */
    public static final String KIT_MANIFEST_ARTIFACT_TYPE = "application/vnd.kitops.modelkit.manifest.v1+json";
    /** The artifactType of a ModelKit index (seen in kit sources, not confirmed as released). */
    public static final String KIT_INDEX_ARTIFACT_TYPE = "application/vnd.kitops.modelkit.index.v1+json";

    /** The config blob of a CNCF ModelPack. */
    public static final String MODELPACK_CONFIG = "application/vnd.cncf.model.config.v1+json";
    /** The manifest artifactType of a CNCF ModelPack. */
    public static final String MODELPACK_MANIFEST_ARTIFACT_TYPE = "application/vnd.cncf.model.manifest.v1+json";

    private MediaTypes() {
    }

    /** Whether {@code mediaType} names a single-image manifest (OCI or Docker schema 2). */
    public static boolean isManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    /** Whether {@code mediaType} names a list of manifests (OCI index or Docker manifest list). */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }
}
