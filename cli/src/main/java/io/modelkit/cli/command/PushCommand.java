package io.modelkit.cli.command;

import io.modelkit.cli.console.ByteFormat;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code modelkit push}: a stored ModelKit to a registry. */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        header = "Push a ModelKit to an OCI registry.",
        description = "Copies the blobs the registry lacks, several at once, then the manifest, byte for byte, so the "
                + "digest stays the same. Without DEST the ModelKit goes to the registry and repository its own name gives. "
                + "Credentials come from modelkit login, MODELKIT_REGISTRY_* variables, $REGISTRY_AUTH_FILE or Docker's config.",
        footer = {
            "",
            "Examples:",
            "  modelkit push registry.example.com/team/sentiment:1.4.0",
            "  modelkit push sentiment:1.4.0 registry.example.com/team/sentiment:1.4.0",
            "  modelkit push oci:/tmp/layout:v1 localhost:5000/sentiment:v1 --plain-http"
        })
final class PushCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The ModelKit in the local store, or oci:PATH[:TAG].")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEST", description = "Where to push: host[:port]/repository[:tag[,tag...]].")
    String target;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        Location from = location(source);
        Reference to = registryReference(location(target != null ? target : source), "destination");
        StoreEndpoint origin = new StoreEndpoint(existingStoreFor(from), from);
        RegistryEndpoint destination = new RegistryEndpoint(registryClient(to, network), to);
        CopyResult result = new Copier(network.concurrency, progress()).copy(origin, destination);
        out().println("Pushed " + result.manifest().digest() + " to " + to + " (" + result.blobsCopied() + " blobs, "
                + ByteFormat.size(result.bytesCopied()) + " sent; " + result.blobsSkipped() + " already there"
                + (result.blobsMounted() > 0 ? "; " + result.blobsMounted() + " mounted" : "") + ")");
    }
}
