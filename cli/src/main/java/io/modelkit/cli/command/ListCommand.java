package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.cli.console.ByteFormat;
import io.modelkit.cli.console.Table;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Location;
import io.modelkit.core.registry.RegistryClient;
import picocli.CommandLine.Mixin;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.StoredModelKit;
import java.util.List;
import java.util.Optional;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.kitfile.Kitfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit list}: what the local store (or an OCI layout) holds. */
@Command(
        name = "list",
        aliases = "ls",
        mixinStandardHelpOptions = true,
        header = "List the ModelKits in the local store or in an OCI layout.",
        description = "Without an argument, lists the local store. REPO filters it to one repository; "
                + "host[:port]/REPO lists that registry repository's tags; oci:PATH lists an OCI layout.",
        footer = {
            "",
            "Examples:",
            "  modelkit list",
            "  modelkit list sentiment",
            "  modelkit list oci:/tmp/layout --json",
            "  modelkit list registry.example.com/team/sentiment"
        })
final class ListCommand extends StoreCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "REPO|oci:PATH",
            description = "Only this repository of the local store, or an OCI layout to list instead of the local store.")
    String scope;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        Location where = scope == null ? null : Location.parse(scope);
        if (where instanceof Reference remote && !remote.hasDefaultRegistry()) {
            listRegistry(remote);
            return;
        }
        ModelKitStore store = where instanceof LayoutReference ? existingStoreFor(where) : localStore();
        // attestation images, referrer indexes and other artifacts share the store; this lists ModelKits
        List<StoredModelKit> kits = store.list().stream()
                .filter(kit -> kit.manifest().isModelKit() || kit.manifest().isModelPack()).toList();
        if (where instanceof Reference reference) {
            kits = kits.stream().filter(kit -> kit.repository().equals(reference.repositoryName())).toList();
        }
        if (json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (StoredModelKit kit : kits) {
                ObjectNode node = array.addObject();
                node.put("repository", kit.repository());
                node.put("tag", kit.tag());
                node.put("digest", kit.digest().toString());
                node.put("size", kit.totalSize());
                kit.created().ifPresent(created -> node.put("created", created));
                modelName(store, kit).ifPresent(name -> node.put("modelName", name));
            }
            printJson(array);
            return;
        }
        Table table = new Table("REPOSITORY", "TAG", "MODEL", "SIZE", "CREATED", "DIGEST");
        for (StoredModelKit kit : kits) {
            table.row(display(kit.repository()), kit.tag().isEmpty() ? "<none>" : kit.tag(),
                    modelName(store, kit).orElse(""), ByteFormat.size(kit.totalSize()), kit.created().orElse(""),
                    kit.digest().toString());
        }
        table.print(out());
    }

    /** The tags of a registry repository, each with the digest it points at. */
    private void listRegistry(Reference repository) throws Exception {
        RegistryClient client = registryClient(repository, network);
        List<String> tags = client.listTags(repository.repository()).stream().sorted().toList();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        Table table = new Table("REPOSITORY", "TAG", "SIZE", "DIGEST");
        for (String tag : tags) {
            Optional<Descriptor> manifest = client.headManifest(repository.repository(), tag);
            String digest = manifest.map(d -> d.digest().toString()).orElse("");
            ObjectNode node = array.addObject();
            node.put("repository", repository.repositoryName());
            node.put("tag", tag);
            node.put("digest", digest);
            table.row(repository.repositoryName(), tag, manifest.map(d -> ByteFormat.size(d.size())).orElse(""), digest);
        }
        if (json) {
            printJson(array);
        } else {
            table.print(out());
        }
    }

    /** The model's name from the Kitfile; a list never fails because one ModelKit's config is unreadable. */
    private static Optional<String> modelName(ModelKitStore store, StoredModelKit kit) {
        try {
            Kitfile kitfile = ModelKitReader.kitfile(store, kit.manifest(), kit.location().orElse(null));
            return Optional.ofNullable(kitfile.model()).map(model -> model.name()).filter(name -> !name.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String display(String repository) {
        if (repository.isEmpty() || repository.equals("localhost/_")) {
            return "<none>";
        }
        return repository.startsWith("localhost/") ? repository.substring("localhost/".length()) : repository;
    }
}
