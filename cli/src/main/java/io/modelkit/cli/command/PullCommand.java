package io.modelkit.cli.command;

import io.modelkit.cli.console.ByteFormat;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code modelkit pull}: a ModelKit from a registry into the local store. */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        header = "Pull a ModelKit from an OCI registry into the local store.",
        description = "Fetches the blobs the local store lacks, checking each against its digest while it is written, "
                + "then names the manifest as REF in the local store.",
        footer = {
            "",
            "Examples:",
            "  modelkit pull registry.example.com/team/sentiment:1.4.0",
            "  modelkit pull localhost:5000/sentiment@sha256:3cd7a293a6dfdf49661ead8d116403ab810f3aabd2487ebf525ca515b4617545"
        })
final class PullCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: host[:port]/repository[:tag|@digest].")
    String reference;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        Reference from = registryReference(location(reference), "reference");
        RegistryEndpoint origin = new RegistryEndpoint(registryClient(from, network), from);
        StoreEndpoint destination = new StoreEndpoint(localStore(), from);
        CopyResult result = new Copier(network.concurrency, progress()).copy(origin, destination);
        out().println("Pulled " + from + " (" + result.manifest().digest() + "; " + result.blobsCopied() + " blobs, "
                + ByteFormat.size(result.bytesCopied()) + " received; " + result.blobsSkipped() + " already here)");
    }
}
