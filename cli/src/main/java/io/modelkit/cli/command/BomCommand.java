package io.modelkit.cli.command;

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
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit bom}: the AI bill of materials of a ModelKit, printed, written or attached as a referrer. */
@Command(
        name = "bom",
        mixinStandardHelpOptions = true,
        header = "Write the AI bill of materials (CycloneDX 1.6) of a ModelKit.",
        description = "Describes the ModelKit, its model, adapters, datasets, code and docs with their layer digests, "
                + "licenses and the model card, as CycloneDX 1.6 JSON on standard output, or in FILE with -o. --attach "
                + "stores the BOM next to the ModelKit as an OCI referrer of artifact type " + ModelKitBom.MEDIA_TYPE
                + " (in the registry, the local store or the OCI layout the reference names) and prints the referrer's "
                + "digest. SOURCE_DATE_EPOCH, when set, fixes the timestamp, so the same ModelKit gives the same bytes. "
                + "A ModelKit in an OCI layout is named by its digest, or by its ref name when that is a full reference.",
        footer = {
            "",
            "Examples:",
            "  modelkit bom sentiment:1.0",
            "  modelkit bom sentiment:1.0 -o sentiment.cdx.json",
            "  modelkit bom -r registry.example.com/team/sentiment:1.4.0 --attach",
            "  SOURCE_DATE_EPOCH=0 modelkit bom oci:/tmp/layout:v1 --attach -o bom.json"
        })
final class BomCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store, a registry, or oci:PATH[:TAG].")
    String reference;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the BOM to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--attach", description = "Store the BOM as a referrer of the ModelKit, where the ModelKit is.")
    boolean attach;

    @Option(names = {"-r", "--remote"}, description = "Read the ModelKit from the registry, not the local store.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        Location location = location(reference);
        Endpoint source = sourceEndpoint(location, remote, network);
        ModelKitContents kit = ModelKitReader.read(source);
        Instant timestamp = SourceDateEpoch.from(context().env()).orElseGet(Instant::now);
        byte[] bom = ModelKitBom.json(bomReference(location, kit.manifest().digest()), kit, timestamp);
        if (output != null) {
            AtomicFile.write(output, bom);
        }
        if (attach) {
            Descriptor referrer = attestationStore(source).storeReferrer(kit.descriptor(), ModelKitBom.MEDIA_TYPE, bom,
                    Map.of(), timestamp);
            out().println("Attached BOM " + referrer.digest() + " to " + display(location) + " (" + kit.manifest().digest() + ")"
                    + (output != null ? "; written to " + output : ""));
        } else if (output != null) {
            out().println("BOM of " + display(location) + " (" + kit.manifest().digest() + ") written to " + output);
        } else {
            out().print(new String(bom, StandardCharsets.UTF_8));
        }
    }

    /** The name the BOM gives the ModelKit: the reference, or for an OCI layout its full ref name or digest. */
    private static Reference bomReference(Location location, Digest digest) {
        if (location instanceof Reference named) {
            return named;
        }
        Optional<String> refName = ((LayoutReference) location).name().filter(name -> name.contains("/"));
        if (refName.isPresent()) {
            try {
                return Reference.parse(refName.get());
            } catch (ModelKitException e) {
                // an image-layout ref name need not be a reference; the digest names the ModelKit then
            }
        }
        return Reference.of(Reference.DEFAULT_REGISTRY, Reference.DEFAULT_REPOSITORY, digest);
    }

    private static AttestationStore attestationStore(Endpoint source) {
        if (source instanceof RegistryEndpoint registry) {
            return new RegistryAttestationStore(registry.client(), registry.reference().repository());
        }
        if (source instanceof StoreEndpoint store) {
            return new StoreAttestationStore(store.store(), store.location());
        }
        throw new ModelKitException("cannot attach a BOM to " + source.describe() + ": not a registry, store or layout");
    }
}
