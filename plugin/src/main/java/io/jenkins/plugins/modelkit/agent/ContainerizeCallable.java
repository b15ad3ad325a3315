package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.container.ContainerizeRequest;
import io.modelkit.core.container.ContainerizeResult;
import io.modelkit.core.container.Containerizer;
import io.modelkit.core.container.ContentKind;
import io.modelkit.core.container.ImageAttestation;
import io.modelkit.core.container.ImageTarget;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code modelkitContainerize} on the agent: builds a serving image from a ModelKit with jib, next
 * to the ModelKit's bytes, and returns the ModelKit's summary with the image's reference and digest.
 */
public final class ContainerizeCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final String name;
    private final String base;
    private final String target;
    private final ImageSettings image;
    private final SecretSigningKey signingKey;
    private final String builderId;
    private final String invocationId;

    /**
     * @param reference the ModelKit as the agent must read it; {@code name} as the step named it
     * @param target where the image goes, with workspace paths already resolved
     * @param signingKey signs SLSA provenance for the image, or null for none
     * @param builderId the build platform's URI, for the provenance
     * @param invocationId the build's URL, or null
     */
    public ContainerizeCallable(TaskListener listener, AgentSettings settings, String reference, String name, String base,
            String target, ImageSettings image, SecretSigningKey signingKey, String builderId, String invocationId) {
        super(listener, settings);
        this.reference = reference;
        this.name = name;
        this.base = base;
        this.target = target;
        this.image = image;
        this.signingKey = signingKey;
        this.builderId = builderId;
        this.invocationId = invocationId;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) throws IOException {
        Location source = Location.parse(reference);
        ImageTarget destination = ImageTarget.parse(target);
        if (destination instanceof ImageTarget.Tar tar && tar.file().getParent() != null) {
            Files.createDirectories(tar.file().getParent()); // as archiving steps do for files in the workspace
        }
        ContainerizeRequest.Builder request = ContainerizeRequest.builder(source, Reference.parse(base), destination)
                .modelDir(image.modelDir())
                .entrypoint(image.entrypoint())
                .plainHttp(context.settings().plainHttp())
                .listener(context.progress())
                .sourceName(name); // as the step named it: the same image whichever workspace built it
        image.environment().forEach(request::environment);
        image.ports().forEach(request::port);
        if (image.include() != null) {
            request.include(ContentKind.parseList(image.include()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (image.created()) {
            request.creationTime(now);
        }
        if (signingKey != null) {
            request.attest(new ImageAttestation(signingKey.read(), builderId, Map.of("modelkit", ModelKitVersion.get()),
                    invocationId, now, now));
        }
        Endpoints endpoints = context.endpoints();
        ContainerizeResult result = new Containerizer(endpoints, context.connections().credentials())
                .containerize(request.build());
        context.progress().info("Built " + result.imageReference() + " (" + result.imageDigest() + ") from " + name + " ("
                + result.modelKit() + ") on " + base + "@" + result.baseDigest() + ": " + result.addedLayers().size()
                + " ModelKit layers" + (result.attestation() == null ? "" : ", provenance " + result.attestation().digest()));
        ModelKitContents kit = ModelKitReader.read(Endpoints.pinned(endpoints.reading(source, false), result.modelKit()));
        List<Map<String, Object>> added = new ArrayList<>();
        for (ContainerizeResult.AddedLayer layer : result.addedLayers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", layer.kind().spelling());
            row.put("path", layer.path());
            row.put("source", layer.source().toString());
            row.put("layer", layer.imageLayer().digest().toString());
            added.add(row);
        }
        return ModelKitSummary.of(name, kit.manifest(), kit.kitfile())
                .with("image", result.imageReference())
                .with("imageDigest", result.imageDigest().toString())
                .with("config", result.configDigest().toString())
                .with("baseDigest", result.baseDigest().toString())
                .with("modelKitLayers", added)
                .with("attestation", result.attestation() == null ? null : result.attestation().digest().toString());
    }

    @Override
    public String toString() {
        return "ContainerizeCallable[reference=" + name + ", base=" + base + ", target=" + target + "]";
    }
}
