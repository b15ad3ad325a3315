package io.modelkit.cli.command;

import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
            "  modelkit tag sentiment:1.0 oci:/tmp/export:1.0",
            "  modelkit tag -r registry.example.com/dev/sentiment:1.0 registry.example.com/prod/sentiment:1.0"
        })
final class TagCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The ModelKit to name.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The new name: [host[:port]/]repo[:tag[,tag...]] or oci:PATH[:TAG].")
    String target;

    @Option(names = {"-r", "--remote"}, description = "Tag in the registry: SRC and DST name the same registry; "
            + "blobs are mounted across repositories, the manifest is put under the new tag.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        Location from = location(source);
        Location to = location(target);
        Endpoint origin = sourceEndpoint(from, remote, network);
        Endpoint destination;
        if (remote) {
            Reference named = registryReference(to, "destination");
            destination = new RegistryEndpoint(registryClient(named, network), named);
        } else {
            destination = new StoreEndpoint(storeFor(to), to);
        }
        CopyResult result = new Copier(network.concurrency, progress()).copy(origin, destination);
        out().println("Tagged " + result.manifest().digest() + " as " + display(to));
    }
}
