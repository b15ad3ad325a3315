package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.kitfile.KitfileReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.PackSource;
import io.modelkit.core.provenance.attest.AttestResult;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.transfer.StoreEndpoint;
import picocli.CommandLine.Mixin;
import io.modelkit.core.pack.Compression;
import io.modelkit.core.pack.PackFormat;
import io.modelkit.core.pack.PackPlan;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.PackResult;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.pack.SourceDateEpoch;
import io.modelkit.core.store.ModelKitStore;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit pack}: a directory and its Kitfile become a ModelKit in the store. */
@Command(
        name = "pack",
        mixinStandardHelpOptions = true,
        header = "Pack a directory into a ModelKit.",
        description = "Reads the Kitfile (Kitfile, kitfile or .kitfile in DIR, or -f), honours .kitignore, and writes one layer per Kitfile entry, exactly as kit does, into the local store or the OCI layout named by -t. SOURCE_DATE_EPOCH, when set, fixes the created time.",
        footer = {
            "",
            "Examples:",
            "  modelkit pack . -t sentiment:1.0",
            "  modelkit pack ./project -f ./project/Kitfile.prod -t registry.example.com/team/sentiment:1.0,latest",
            "  modelkit pack ./project -t oci:/tmp/layout:v1 --compression zstd",
            "  cat Kitfile | modelkit pack ./project -f - --json",
            "  modelkit pack ./project -t registry.example.com/team/sentiment:1.4.0 --push",
            "  modelkit pack ./project -t registry.example.com/team/sentiment:1.4.0 --push-only",
            "  MODELKIT_KEY_PASSWORD=... modelkit pack ./project -t registry.example.com/team/sentiment:1.4.0 --push --attest --key release.key"
        })
final class PackCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The context directory: paths in the Kitfile are relative to it.")
    Path contextDir;

    @Option(names = {"-f", "--file"}, paramLabel = "KITFILE",
            description = "The Kitfile to use instead of DIR/Kitfile; '-' reads it from standard input.")
    String kitfile;

    @Option(names = {"-t", "--tag"}, paramLabel = "REF",
            description = "Where to store the result: [host[:port]/]repo[:tag[,tag...]] in the local store, or oci:PATH[:TAG]. "
                    + "Without it the ModelKit is stored untagged.")
    String tag;

    @Option(names = "--compression", paramLabel = "MODE", defaultValue = "none", converter = Converters.CompressionConverter.class,
            description = "Layer compression: none (default, as kit), gzip, gzip-fastest or zstd.")
    Compression compression;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "modelkit", converter = Converters.FormatConverter.class,
            description = "modelkit (default, the KitOps form) or modelpack (the CNCF ModelPack form).")
    PackFormat format;

    @Option(names = "--parallel", paramLabel = "N", converter = Converters.PositiveConverter.class,
            description = "How many layers to build at once (default: the number of processors, fewer on a small heap).")
    Integer parallel;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--push", description = "Push the ModelKit to the registry its -t reference names once it is packed.")
    boolean push;

    @Option(names = "--push-only", description = "Send the ModelKit straight to the registry its -t reference names, keeping no local copy: "
            + "each layer is hashed, then built again from the files while it is sent. Layers the registry holds are not sent.")
    boolean pushOnly;

    @Option(names = "--attest", description = "Sign SLSA provenance for the pushed ModelKit and store it next to it "
            + "(with --push or --push-only; needs --key; the key's password comes from MODELKIT_KEY_PASSWORD).")
    boolean attest;

    @Option(names = "--key", paramLabel = "FILE", description = "The private key for --attest.")
    Path key;

    @Option(names = "--builder-id", paramLabel = "URI", defaultValue = AttestCommand.DEFAULT_BUILDER_ID,
            description = "The builder id recorded by --attest (default: ${DEFAULT-VALUE}).")
    String builderId;

    @Mixin
    RegistryOptions network;

    /** Reads at most one byte past the Kitfile size limit, so that endless input cannot fill memory. */
    private byte[] readKitfileFromStdin() throws java.io.IOException {
        byte[] content = context().in().readNBytes(KitfileReader.MAX_BYTES + 1);
        if (content.length > KitfileReader.MAX_BYTES) {
            throw new io.modelkit.core.ModelKitException("the Kitfile on standard input is larger than "
                    + KitfileReader.MAX_BYTES + " bytes");
        }
        return content;
    }

    /** Packs without a local copy: the layers are hashed, then built again while they are sent. */
    private Pushed packStraightToRegistry(PackRequest request, Location target) throws Exception {
        if (push) {
            throw new io.modelkit.core.ModelKitException("--push and --push-only cannot be used together");
        }
        if (target == null) {
            throw new io.modelkit.core.ModelKitException("--push-only needs -t naming a registry, e.g. -t registry.example.com/team/model:1.0");
        }
        Reference pushTo = registryReference(target, "-t with --push-only");
        PackPlan plan = Packer.plan(request);
        CopyResult pushed;
        RegistryEndpoint destination = new RegistryEndpoint(registryClient(pushTo, network), pushTo);
        try (PackSource source = new PackSource(plan)) {
            pushed = new Copier(network.concurrency, progress()).copy(source, destination);
        }
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("digest", pushed.manifest().digest().toString());
            node.put("mediaType", pushed.manifest().mediaType());
            node.put("size", pushed.manifest().size());
            node.putArray("references").add(pushTo.toString());
            node.put("blobsSent", pushed.blobsCopied());
            node.put("blobsSkipped", pushed.blobsSkipped());
            node.put("bytesSent", pushed.bytesCopied());
            node.set("manifest", new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.manifest().bytes()));
            printJson(node);
        } else {
            out().println("Model pushed: " + pushed.manifest().digest() + " to " + pushTo + " (" + pushed.blobsCopied()
                    + " blobs sent, " + pushed.blobsSkipped() + " already there; no local copy kept)");
        }
        return new Pushed(destination, pushed.manifest().digest());
    }

    /** Where a push went and the digest it named there. */
    private record Pushed(RegistryEndpoint destination, io.modelkit.core.oci.Digest digest) {
    }

    private SigningKey attestKey() {
        if (!attest) {
            if (key != null) {
                throw new io.modelkit.core.ModelKitException("--key is for --attest");
            }
            return null;
        }
        if (!push && !pushOnly) {
            throw new io.modelkit.core.ModelKitException("--attest needs --push or --push-only: provenance is stored next to the pushed ModelKit");
        }
        if (key == null) {
            throw new io.modelkit.core.ModelKitException("--attest needs --key FILE, the private key that signs the provenance");
        }
        String password = context().env().get(KeyPassword.VARIABLE);
        return AttestCommand.readKey(key, password == null ? null : password.toCharArray());
    }

    /** Signs provenance for what was just pushed (read again by its digest, not by a tag that may have moved). */
    private void attestPushed(SigningKey signingKey, Pushed push) {
        if (signingKey == null) {
            return;
        }
        RegistryEndpoint destination = push.destination();
        RegistryEndpoint pushed = (RegistryEndpoint) io.modelkit.core.transfer.Endpoints.pinned(destination, push.digest());
        Reference reference = destination.reference();
        AttestResult result = Attester.attest(
                AttestCommand.request(signingKey, reference.registry() + "/" + reference.repository(), builderId,
                        context().env(), reference.toString()).kitfile(kitfile == null || "-".equals(kitfile) ? null : kitfile).build(),
                pushed, new RegistryAttestationStore(destination.client(), reference.repository()));
        progress().info("Attested " + result.subject() + " with key " + result.key());
    }

    @Override
    protected void execute() throws Exception {
        PackRequest.Builder request = PackRequest.builder(contextDir)
                .compression(compression)
                .format(format)
                .listener(progress());
        SourceDateEpoch.from(context().env()).ifPresent(request::created);
        if (parallel != null) {
            request.parallelism(parallel);
        }
        if ("-".equals(kitfile)) {
            request.kitfileContent(readKitfileFromStdin(), "Kitfile from standard input");
        } else if (kitfile != null) {
            request.kitfile(Path.of(kitfile));
        }
        Location target = tag == null ? null : location(tag);
        if (target != null) {
            request.target(target);
        }
        // the key is read before anything is packed: a wrong password should not cost a pack
        SigningKey signingKey = attestKey();
        if (pushOnly) {
            attestPushed(signingKey, packStraightToRegistry(request.build(), target));
            return;
        }
        ModelKitStore store = target == null ? localStore() : storeFor(target);
        Reference pushTo = push ? registryReference(target == null ? location("localhost/_") : target, "-t with --push") : null;
        PackResult result = Packer.pack(request.build(), store);
        if (pushTo != null) {
            RegistryEndpoint destination = new RegistryEndpoint(registryClient(pushTo, network), pushTo);
            CopyResult pushed = new Copier(network.concurrency, progress()).copy(new StoreEndpoint(store, target), destination);
            progress().info("Pushed " + pushed.manifest().digest() + " to " + pushTo + " (" + pushed.blobsCopied()
                    + " blobs sent, " + pushed.blobsSkipped() + " already there)");
            attestPushed(signingKey, new Pushed(destination, pushed.manifest().digest()));
        }
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("digest", result.descriptor().digest().toString());
            node.put("mediaType", result.descriptor().mediaType());
            node.put("size", result.descriptor().size());
            var names = node.putArray("references");
            result.locations().forEach(location -> names.add(location.toString()));
            node.put("store", store.layout().root().toString());
            node.set("manifest", new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.manifest().bytes()));
            printJson(node);
        } else {
            List<String> names = result.locations().stream().map(StoreCommand::display).toList();
            out().println("Model saved: " + result.descriptor().digest() + (names.isEmpty() ? "" : " as " + String.join(", ", names)));
        }
    }
}
