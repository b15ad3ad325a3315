package io.modelkit.cli.command;

import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.StoreEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code modelkit tag}: another name for a stored ModelKit. */
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
        header = "Give a ModelKit another name.",
        description = "Names the same manifest (same digest) as DST. DST may be in the local store or in an OCI layout; blobs are copied there when it is another place.",
        footer = {
            "",
            "Examples:",
            "  modelkit tag sentiment:1.0 sentiment:stable",
            "  modelkit tag sentiment:1.0 registry.example.com/team/sentiment:1.0",
            "  modelkit tag sentiment:1.0 oci:/tmp/export:1.0"
        })
final class TagCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The ModelKit to name.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The new name: [host[:port]/]repo[:tag[,tag...]] or oci:PATH[:TAG].")
    String target;

    @Override
    protected void execute() {
        Location from = location(source);
        Location to = location(target);
        ModelKitStore sourceStore = existingStoreFor(from);
        Manifest manifest = ModelKitReader.manifest(sourceStore, from);
        ModelKitStore targetStore = storeFor(to);
        new Copier(1, progress()).copy(new StoreEndpoint(sourceStore, from), new StoreEndpoint(targetStore, to));
        out().println("Tagged " + manifest.digest() + " as " + display(to));
    }
}
