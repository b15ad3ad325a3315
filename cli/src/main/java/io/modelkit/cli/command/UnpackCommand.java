package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.oci.Location;
import io.modelkit.core.unpack.UnpackFilter;
import io.modelkit.core.unpack.UnpackRequest;
import io.modelkit.core.unpack.UnpackResult;
import io.modelkit.core.unpack.Unpacker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit unpack}: a stored ModelKit back into files. */
@Command(
        name = "unpack",
        mixinStandardHelpOptions = true,
        header = "Unpack a ModelKit into a directory.",
        description = "Writes the Kitfile and the layers' files under DIR. Every layer is checked against its digest while it is read, and only put in place when it matches. Archives that would write outside DIR (absolute names, '..', links, devices) are refused, naming the entry.",
        footer = {
            "",
            "Filter types: kitfile, model (with its parts), datasets, code, docs, prompts, mcpservers.",
            "NAMES match an entry's name or path.",
            "",
            "Examples:",
            "  modelkit unpack sentiment:1.0 -d ./restored",
            "  modelkit unpack sentiment:1.0 -d ./serve --filter model,kitfile",
            "  modelkit unpack oci:/tmp/layout:v1 -d ./data --filter datasets:train --overwrite",
            "  modelkit unpack registry.example.com/team/sentiment:1.4.0 -d ./serve --filter model"
        })
final class UnpackCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or oci:PATH[:TAG].")
    String reference;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", required = true, description = "The directory to unpack into; created if missing.")
    Path targetDir;

    @Option(names = {"-f", "--filter"}, paramLabel = "TYPES[:NAMES]", converter = Converters.FilterConverter.class,
            description = "Unpack only these kinds of content (repeatable), e.g. model,docs or datasets:train.")
    List<UnpackFilter> filters = new ArrayList<>();

    @Option(names = {"-o", "--overwrite"}, description = "Replace files that already exist.")
    boolean overwrite;

    @Option(names = {"-i", "--ignore-existing"}, description = "Keep files that already exist and skip them.")
    boolean ignoreExisting;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = {"-r", "--remote"}, description = "Read from the registry even if the local store has the ModelKit; "
            + "only the layers the filters select are fetched.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        Location source = location(reference);
        UnpackRequest.Builder request = UnpackRequest.builder(source, targetDir)
                .overwrite(overwrite)
                .ignoreExisting(ignoreExisting)
                .listener(progress());
        filters.forEach(request::filter);
        UnpackResult result = Unpacker.unpack(request.build(), sourceEndpoint(source, remote, network));
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("digest", result.manifest().toString());
            node.put("directory", result.targetDir().toString());
            node.put("layers", result.layers());
            node.put("files", result.files());
            node.put("skipped", result.skipped());
            node.put("bytes", result.bytes());
            node.put("kitfile", result.kitfileWritten());
            printJson(node);
        } else {
            out().println("Unpacked " + reference + " (" + result.manifest() + ") to " + result.targetDir() + ": "
                    + result.layers() + " layers, " + result.files() + " files"
                    + (result.skipped() > 0 ? ", " + result.skipped() + " existing files kept" : ""));
        }
    }
}
