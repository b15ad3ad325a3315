package io.modelkit.cli.command;

import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileJson;
import io.modelkit.core.kitfile.KitfileYaml;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.transfer.Endpoint;
import picocli.CommandLine.Mixin;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit info}: the Kitfile of a stored ModelKit. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        header = "Show the Kitfile of a ModelKit.",
        description = "Prints the Kitfile as YAML, or with --json the config as kit stores it, including each layer's digest and diffId.",
        footer = {
            "",
            "Examples:",
            "  modelkit info sentiment:1.0",
            "  modelkit info sentiment:1.0 --json | jq .model.parameters"
        })
final class InfoCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or oci:PATH[:TAG].")
    String reference;

    @Option(names = "--json", description = "Print the Kitfile as JSON, with layer digests.")
    boolean json;

    @Option(names = {"-r", "--remote"}, description = "Read the Kitfile from the registry, not the local store.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        Location location = location(reference);
        Endpoint source = sourceEndpoint(location, remote, network);
        Manifest manifest = source.manifest().parse();
        Kitfile kitfile = ModelKitReader.kitfile(source, manifest);
        if (json) {
            // the config as stored, byte for byte: hyperparameters keep kit's number formatting
            byte[] config = manifest.isModelKit() ? ModelKitReader.configBytes(source, manifest)
                    : KitfileJson.configBytes(kitfile);
            out().println(new String(config, StandardCharsets.UTF_8));
        } else {
            out().print(KitfileYaml.write(kitfile));
        }
        out().flush();
    }
}
