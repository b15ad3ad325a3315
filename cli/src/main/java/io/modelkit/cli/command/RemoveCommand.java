package io.modelkit.cli.command;

import io.modelkit.cli.console.ByteFormat;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.modelkit.core.store.GcReport;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.store.StoredModelKit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit remove}: forget names, then free the blobs no ModelKit uses any more. */
@Command(
        name = "remove",
        aliases = "rm",
        mixinStandardHelpOptions = true,
        header = "Remove ModelKits from the local store or an OCI layout.",
        description = "Removes the name REF. A ModelKit left without a name is removed, and blobs that no remaining ModelKit uses are deleted. A digest reference removes the ModelKit and all its names. --all removes every untagged ModelKit (those a later pack of the same tag replaced).",
        footer = {
            "",
            "Examples:",
            "  modelkit remove sentiment:1.0",
            "  modelkit remove sentiment@sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b",
            "  modelkit remove oci:/tmp/layout:v1",
            "  modelkit remove --all",
            "  modelkit remove -r registry.example.com/team/sentiment:old"
        })
final class RemoveCommand extends StoreCommand {
    @Parameters(paramLabel = "REF", arity = "0..*", description = "The names to remove.")
    List<String> references = new ArrayList<>();

    @Option(names = {"-r", "--remote"}, description = "Delete the manifest from the registry (with all tags that point at it).")
    boolean remote;

    @picocli.CommandLine.Mixin
    RegistryOptions network;

    @Option(names = {"-a", "--all"}, description = "Remove every untagged ModelKit from the local store (or the oci:PATH given).")
    boolean all;

    @Override
    protected void execute() {
        if (all) {
            removeUntagged();
            return;
        }
        if (references.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing REF: name what to remove, or use --all");
        }
        for (String reference : references) {
            if (remote) {
                removeRemote(registryReference(location(reference), "reference"));
                continue;
            }
            Instant started = Instant.now();
            Location location = location(reference);
            ModelKitStore store = existingStoreFor(location);
            Manifest manifest = ModelKitReader.manifest(store, location);
            List<Digest> blobs = new ArrayList<>();
            blobs.add(manifest.digest());
            blobs.add(manifest.config().digest());
            manifest.layers().forEach(layer -> blobs.add(layer.digest()));
            if (!store.remove(location)) {
                throw new ModelKitException("ModelKit " + reference + " not found in " + store.layout().root());
            }
            GcReport gc = store.layout().removeUnused(blobs, started);
            out().println("Removed " + reference + freed(gc));
        }
    }

    private void removeRemote(io.modelkit.core.oci.Reference reference) {
        var client = registryClient(reference, network);
        // registries delete manifests by digest only
        Digest digest = reference.isDigest() ? reference.digest()
                : client.headManifest(reference.repository(), reference.reference())
                        .orElseThrow(() -> new ModelKitException("ModelKit " + reference + " not found in the registry"))
                        .digest();
        client.deleteManifest(reference.repository(), digest.toString());
        out().println("Deleted " + reference.repositoryName() + "@" + digest + " from the registry");
    }

    private void removeUntagged() {
        if (references.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--all takes at most one oci:PATH");
        }
        Instant started = Instant.now();
        ModelKitStore store = references.isEmpty() ? localStore() : existingStoreFor(location(references.get(0)));
        List<Digest> blobs = new ArrayList<>();
        int removed = 0;
        for (StoredModelKit kit : store.list()) {
            if (kit.location().isEmpty() && store.layout().removeManifest(kit.digest())) {
                blobs.add(kit.digest());
                blobs.add(kit.manifest().config().digest());
                kit.manifest().layers().forEach(layer -> blobs.add(layer.digest()));
                removed++;
            }
        }
        GcReport gc = store.layout().removeUnused(blobs, started);
        out().println("Removed " + removed + " untagged ModelKit" + (removed == 1 ? "" : "s") + freed(gc));
    }

    private static String freed(GcReport gc) {
        return gc.deletedBlobs().isEmpty() ? ""
                : " (freed " + ByteFormat.size(gc.freedBytes()) + " in " + gc.deletedBlobs().size() + " blobs)";
    }
}
