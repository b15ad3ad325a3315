package io.jenkins.plugins.modelkit.actions;

import hudson.model.Api;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A ModelKit a build packed, pushed, signed or verified: shown in the build's summary, on a page of
 * its own, and in {@code /api/json}. One per reference; a later pack or push of the same reference
 * replaces it, keeping the signature and verification when the digest is the same.
 */
@ExportedBean(defaultVisibility = 2)
public final class ModelKitAction extends BuildAction {
    private static final String VERIFICATION_PASSED = "passed";
    private static final String VERIFICATION_FAILED = "failed";

    private final String operation;
    private final String reference;
    private final String digest;
    private final String mediaType;
    private final long size;
    private final List<Layer> layers;
    private final Map<String, Object> kitPackage;
    private final Map<String, Object> model;
    private final String parametersJson;
    private final int index;
    // set by modelkitAttest and modelkitVerify after the action exists; kept when the same ModelKit is recorded again
    private String signedBy;
    private String verification;
    private String verificationDetail;
    private List<Image> images;

    ModelKitAction(String operation, ModelKitSummary summary, int index) {
        this.operation = operation;
        this.reference = summary.reference();
        this.digest = summary.digest();
        this.mediaType = summary.mediaType();
        this.size = summary.size();
        List<Layer> rows = new ArrayList<>();
        for (Map<String, Object> layer : summary.layers()) {
            rows.add(new Layer(String.valueOf(layer.get("mediaType")), String.valueOf(layer.get("digest")),
                    ((Number) layer.get("size")).longValue(), String.valueOf(layer.get("path"))));
        }
        // plain collections: build.xml is written by XStream, and the views list fields in Kitfile order
        this.layers = rows;
        this.kitPackage = new LinkedHashMap<>(summary.kitPackage());
        this.model = withoutParameters(summary.model());
        this.parametersJson = summary.parametersJson();
        this.index = index;
    }

    private static Map<String, Object> withoutParameters(Map<String, Object> model) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        copy.remove("parameters"); // shown from parametersJson, kept once
        return copy;
    }

    @Override
    public String getIconFileName() {
        return "symbol-modelkit plugin-modelkit-pipeline";
    }

    @Override
    public String getDisplayName() {
        return Messages.ModelKitAction_DisplayName(reference);
    }

    @Override
    public String getUrlName() {
        return "modelkit-" + index;
    }

    /** {@code packed}, {@code pushed}, or {@code attested} / {@code verified} when the build did only that to it. */
    @Exported
    public String getOperation() {
        return operation;
    }

    @Exported
    public String getReference() {
        return reference;
    }

    @Exported
    public String getDigest() {
        return digest;
    }

    @Exported
    public String getMediaType() {
        return mediaType;
    }

    @Exported
    public long getSize() {
        return size;
    }

    /** The sum of the layer sizes: what the ModelKit weighs in a registry. */
    public long getTotalLayerSize() {
        return layers.stream().mapToLong(Layer::getSize).sum();
    }

    @Exported
    public List<Layer> getLayers() {
        return Collections.unmodifiableList(layers);
    }

    @Exported(name = "package")
    public Map<String, Object> getKitPackage() {
        return Collections.unmodifiableMap(kitPackage);
    }

    @Exported
    public Map<String, Object> getModel() {
        return Collections.unmodifiableMap(model);
    }

    /** The fingerprint ({@code sha256:<hex>}) of the key that signed the ModelKit's provenance in this build, or null. */
    @Exported
    public String getSignedBy() {
        return signedBy;
    }

    /** {@code passed} or {@code failed} when this build verified the ModelKit, else null. */
    @Exported
    public String getVerification() {
        return verification;
    }

    /** What the verification found: the key that signed, or the check that failed. */
    @Exported
    public String getVerificationDetail() {
        return verificationDetail;
    }

    public boolean isVerified() {
        return VERIFICATION_PASSED.equals(verification);
    }

    /** The serving images this build made from the ModelKit. */
    @Exported
    public List<Image> getImages() {
        return images == null ? List.of() : Collections.unmodifiableList(images);
    }

    void builtImage(String reference, String digest) {
        if (images == null) {
            images = new ArrayList<>();
        }
        images.removeIf(image -> image.getReference().equals(reference));
        images.add(new Image(reference, digest));
    }

    void signedBy(String fingerprint) {
        this.signedBy = fingerprint;
    }

    void verified(boolean passed, String detail) {
        this.verification = passed ? VERIFICATION_PASSED : VERIFICATION_FAILED;
        this.verificationDetail = detail;
    }

    /** What an earlier record of the same ModelKit (same digest) found out about it. */
    void keepProvenanceOf(ModelKitAction earlier) {
        if (earlier.digest.equals(digest)) {
            this.signedBy = earlier.signedBy;
            this.verification = earlier.verification;
            this.verificationDetail = earlier.verificationDetail;
            this.images = earlier.images;
        }
    }

    /** The number in this action's URL, {@code modelkit-<index>}. */
    int index() {
        return index;
    }

    /** The model's hyperparameters as indented JSON, or null. */
    @Exported
    public String getParameters() {
        return parametersJson;
    }

    public boolean isPushed() {
        return "pushed".equals(operation);
    }

    public Api getApi() {
        return new Api(this);
    }

    /** A serving image built from the ModelKit. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Image implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private final String reference;
        private final String digest;

        public Image(String reference, String digest) {
            this.reference = reference;
            this.digest = digest;
        }

        @Exported
        public String getReference() {
            return reference;
        }

        @Exported
        public String getDigest() {
            return digest;
        }
    }

    /** One layer row. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Layer implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private final String mediaType;
        private final String digest;
        private final long size;
        private final String path;

        public Layer(String mediaType, String digest, long size, String path) {
            this.mediaType = mediaType;
            this.digest = digest;
            this.size = size;
            this.path = path;
        }

        @Exported
        public String getMediaType() {
            return mediaType;
        }

        @Exported
        public String getDigest() {
            return digest;
        }

        @Exported
        public long getSize() {
            return size;
        }

        @Exported
        public String getPath() {
            return path;
        }
    }
}
