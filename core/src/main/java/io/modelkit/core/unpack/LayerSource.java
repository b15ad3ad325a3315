package io.modelkit.core.unpack;

import io.modelkit.core.oci.LayerMediaType;
import io.modelkit.core.oci.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest says about one layer blob before it is read: its media type, digest, size and
 * annotations. Format and compression are checked when the value is made, so an unsupported media
 * type fails before any byte is fetched.
 */
public record LayerSource(String mediaType, Digest digest, long size, Map<String, String> annotations) {
    /** The annotation holding the layer's path in the Kitfile, cleaned and {@code /}-separated. */
    public static final String FILEPATH_ANNOTATION = "org.cncf.model.filepath";

    public LayerSource {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        annotations = Map.copyOf(annotations);
        LayerMediaType.parse(mediaType); // refuses a media type we cannot unpack, naming it
    }

    public LayerMediaType.Format format() {
        return LayerMediaType.parse(mediaType).format();
    }

    public LayerMediaType.Compression compression() {
        return LayerMediaType.parse(mediaType).compression();
    }

    /** The {@code org.cncf.model.filepath} annotation; layers written before kit 1.x have none. */
    public Optional<String> filePath() {
        return Optional.ofNullable(annotations.get(FILEPATH_ANNOTATION)).filter(path -> !path.isEmpty());
    }

    /** The raw-layer file metadata annotation, parsed. */
    public Optional<FileMetadata> fileMetadata() {
        return Optional.ofNullable(annotations.get(FileMetadata.ANNOTATION))
                .map(json -> FileMetadata.parse(json, label()));
    }

    /** How messages name this layer: by its path when annotated, else by its digest. */
    public String label() {
        return filePath().map(path -> "layer '" + path + "' (" + digest + ")").orElse("layer " + digest);
    }
}
