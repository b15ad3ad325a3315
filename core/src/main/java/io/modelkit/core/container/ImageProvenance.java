package io.modelkit.core.container;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.EnvelopeSigner;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.Subject;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.SigstoreBundle;
import java.time.Instant;
import java.util.List;

/**
 * SLSA Provenance v1 for a built image: the image digest as subject, the ModelKit and the base
 * image by digest in {@code resolvedDependencies}, the options as external parameters. Environment
 * values are left out (they may hold settings not meant to be public); their names are recorded.
 * Signed as a DSSE envelope and stored as a Sigstore bundle referrer of the image, where
 * {@code modelkit verify} and cosign look.
 */
final class ImageProvenance {
    /** Our buildType for an image built from a ModelKit: the parameter schema documented at this URI. */
    static final String BUILD_TYPE = "https://modelkit.io/buildtypes/modelkit-containerize/v1";

    private ImageProvenance() {
    }

    /** Signs the statement about {@code result} and stores it in {@code store}; returns the referrer. */
    static Descriptor attest(ContainerizeRequest request, ContainerizeResult result, String subjectName,
            ImageAttestation attestation, AttestationStore store, Instant finishedOn) {
        Statement statement = Statement.of(List.of(Subject.of(subjectName, result.imageDigest())), SlsaProvenance.PREDICATE_TYPE,
                predicate(request, result, attestation, finishedOn));
        Envelope envelope = new EnvelopeSigner(attestation.key().privateKey()).sign(statement);
        return store.storeBundle(result.image(), new SigstoreBundle(envelope.toJson(), attestation.key().fingerprint().hint()),
                SlsaProvenance.PREDICATE_TYPE, attestation.created());
    }

    static ObjectNode predicate(ContainerizeRequest request, ContainerizeResult result, ImageAttestation attestation,
            Instant finishedOn) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode predicate = json.objectNode();
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", BUILD_TYPE);
        ObjectNode external = definition.putObject("externalParameters");
        external.put("modelKit", request.sourceName());
        external.put("base", request.base().toString());
        external.put("target", result.imageReference());
        external.put("modelDir", request.modelDir());
        ArrayNode include = external.putArray("include");
        request.include().stream().sorted().forEach(kind -> include.add(kind.spelling()));
        if (!request.entrypoint().isEmpty()) {
            ArrayNode entrypoint = external.putArray("entrypoint");
            request.entrypoint().forEach(entrypoint::add);
        }
        if (!request.environment().isEmpty()) {
            ArrayNode names = external.putArray("environmentNames");
            request.environment().keySet().forEach(names::add);
        }
        if (!request.ports().isEmpty()) {
            ArrayNode ports = external.putArray("ports");
            request.ports().forEach(ports::add);
        }
        ArrayNode dependencies = definition.putArray("resolvedDependencies");
        dependency(dependencies.addObject(), "modelkit", modelKitUri(request, result.modelKit()), result.modelKit());
        dependency(dependencies.addObject(), "base-image", uri(request.base(), result.baseDigest()), result.baseDigest());

        ObjectNode run = predicate.putObject("runDetails");
        ObjectNode builder = run.putObject("builder");
        builder.put("id", attestation.builderId());
        if (!attestation.builderVersions().isEmpty()) {
            ObjectNode version = builder.putObject("version");
            attestation.builderVersions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(entry -> version.put(entry.getKey(), entry.getValue()));
        }
        ObjectNode metadata = run.putObject("metadata");
        if (attestation.invocationId() != null && !attestation.invocationId().isEmpty()) {
            metadata.put("invocationId", attestation.invocationId());
        }
        if (attestation.startedOn() != null) {
            metadata.put("startedOn", SlsaProvenance.timestamp(attestation.startedOn()));
        }
        metadata.put("finishedOn", SlsaProvenance.timestamp(finishedOn));
        return predicate;
    }

    private static void dependency(ObjectNode node, String name, String uri, Digest digest) {
        node.put("name", name);
        node.put("uri", uri);
        node.putObject("digest").put(digest.algorithm(), digest.hex());
    }

    /** {@code oci://registry/repository@sha256:…} for a reference, {@code oci:PATH@sha256:…} for a layout. */
    /** The ModelKit by digest, a layout by the path the user named (not where this machine found it). */
    private static String modelKitUri(ContainerizeRequest request, Digest digest) {
        if (request.source() instanceof LayoutReference && request.sourceName().startsWith(LayoutReference.PREFIX)) {
            return LayoutReference.PREFIX + LayoutReference.parse(request.sourceName()).path() + "@" + digest;
        }
        return uri(request.source(), digest);
    }

    private static String uri(Location location, Digest digest) {
        if (location instanceof Reference reference) {
            return "oci://" + reference.registry() + "/" + reference.repository() + "@" + digest;
        }
        return LayoutReference.PREFIX + ((LayoutReference) location).path() + "@" + digest;
    }
}
