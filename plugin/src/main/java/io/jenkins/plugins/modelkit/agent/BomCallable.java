package io.jenkins.plugins.modelkit.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.TaskListener;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.bom.ModelKitBom;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.SourceDateEpoch;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code modelkitBom} on the agent: writes the ModelKit's CycloneDX AI bill of materials into the
 * workspace and, if asked, stores it next to the ModelKit as a referrer. {@code SOURCE_DATE_EPOCH}
 * fixes its timestamp, so that the same ModelKit gives the same bytes.
 */
public final class BomCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String reference;
    private final String file;
    private final String fileName;
    private final boolean attach;

    /**
     * @param file where to write the BOM on the agent, absolute
     * @param fileName the same file as the step named it (relative to the workspace), for the return value
     */
    public BomCallable(TaskListener listener, AgentSettings settings, String reference, String file, String fileName,
            boolean attach) {
        super(listener, settings);
        this.reference = reference;
        this.file = file;
        this.fileName = fileName;
        this.attach = attach;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) throws IOException {
        Location location = Location.parse(reference);
        Endpoints endpoints = context.endpoints();
        Endpoint source = endpoints.reading(location, false);
        ModelKitContents kit = ModelKitReader.read(source);
        Instant timestamp = SourceDateEpoch.from(context.settings().env()).orElseGet(Instant::now);
        byte[] bom = ModelKitBom.json(named(location, kit.manifest().digest()), kit, timestamp);
        Path target = Path.of(file);
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFile.write(target, bom);
        String serialNumber = JSON.readTree(bom).path("serialNumber").asText();
        context.progress().info("Wrote the AI bill of materials of " + reference + " (" + kit.manifest().digest() + ") to "
                + fileName);
        String referrer = null;
        if (attach) {
            Descriptor stored = AttestationStores.of(location, source, endpoints)
                    .storeReferrer(kit.descriptor(), ModelKitBom.MEDIA_TYPE, bom, Map.of(), timestamp);
            referrer = stored.digest().toString();
            context.progress().info("Attached it to " + reference + " as referrer " + referrer);
        }
        return ModelKitSummary.of(reference, kit.manifest(), kit.kitfile())
                .with("file", fileName)
                .with("serialNumber", serialNumber)
                .with("referrer", referrer);
    }

    /**
     * The name the BOM gives the ModelKit: the reference; for a layout, its ref name when that is a
     * whole reference, else the manifest digest in the local placeholder repository.
     */
    private static Reference named(Location location, Digest digest) {
        if (location instanceof Reference reference) {
            return reference;
        }
        Optional<String> refName = ((LayoutReference) location).name().filter(name -> name.contains("/"));
        if (refName.isPresent()) {
            try {
                return Reference.parse(refName.get());
            } catch (ModelKitException e) {
                // a layout's ref name need not be a reference; the digest names the ModelKit then
            }
        }
        return Reference.of(Reference.DEFAULT_REGISTRY, Reference.DEFAULT_REPOSITORY, digest);
    }
}
