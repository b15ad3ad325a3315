package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.cli.console.ByteFormat;
import io.modelkit.cli.console.Table;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.transfer.Endpoint;
import picocli.CommandLine.Mixin;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit inspect}: the manifest of a stored ModelKit. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        header = "Show the manifest of a ModelKit.",
        description = "Without options, a summary: digest, format, created time and one line per layer. --json prints the manifest as indented JSON; --raw prints its exact stored bytes, whose sha256 is the ModelKit's digest.",
        footer = {
            "",
            "Examples:",
            "  modelkit inspect sentiment:1.0",
            "  modelkit inspect oci:/tmp/layout:v1 --raw | sha256sum",
            "  modelkit inspect -r registry.example.com/team/sentiment:1.4.0 --json"
        })
final class InspectCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or oci:PATH[:TAG].")
    String reference;

    @ArgGroup(exclusive = true)
    OutputMode mode = new OutputMode();

    @Option(names = {"-r", "--remote"}, description = "Read the manifest from the registry, not the local store.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    static final class OutputMode {
        @Option(names = "--json", description = "Print the manifest as indented JSON.")
        boolean json;

        @Option(names = "--raw", description = "Print the manifest's exact bytes.")
        boolean raw;
    }

    @Override
    protected void execute() throws Exception {
        Location location = location(reference);
        Endpoint source = sourceEndpoint(location, remote, network);
        if (mode.raw || mode.json) {
            Manifest manifest = source.manifest().parse();
            if (mode.raw) {
                out().print(new String(manifest.bytes(), StandardCharsets.UTF_8));
                out().flush();
            } else {
                printJson(new ObjectMapper().readTree(manifest.bytes()));
            }
            return;
        }
        ModelKitContents kit = ModelKitReader.read(source);
        Manifest manifest = kit.manifest();
        out().println("Reference:     " + display(location));
        out().println("Digest:        " + manifest.digest());
        out().println("Format:        " + (manifest.isModelPack() ? "CNCF ModelPack" : "KitOps ModelKit"));
        out().println("Artifact type: " + manifest.artifactType().orElse("(none)"));
        out().println("Config:        " + manifest.config().digest() + " (" + ByteFormat.size(manifest.config().size()) + ")");
        manifest.annotations().forEach((key, value) -> {
            if (!key.equals(io.modelkit.core.oci.Annotations.KITFILE)) {
                out().println("Annotation:    " + key + "=" + value);
            }
        });
        out().println();
        Table table = new Table("KIND", "PATH", "SIZE", "MEDIA TYPE", "DIGEST");
        for (BoundLayer layer : kit.layers()) {
            table.row(kindName(layer.entry().kind()), layer.entry().path(), ByteFormat.size(layer.descriptor().size()),
                    layer.descriptor().mediaType(), layer.descriptor().digest().toString());
        }
        table.print(out());
    }

    private static String kindName(io.modelkit.core.kitfile.LayerKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
