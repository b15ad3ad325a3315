package io.modelkit.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.container.ContainerizeRequest;
import io.modelkit.core.container.ContainerizeResult;
import io.modelkit.core.container.Containerizer;
import io.modelkit.core.container.ContentKind;
import io.modelkit.core.container.ImageAttestation;
import io.modelkit.core.container.ImageTarget;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.auth.CredentialChain;
import io.modelkit.core.store.ModelKitHome;
import io.modelkit.core.transfer.Endpoints;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit containerize}: a runnable serving image from a ModelKit, built with jib (no Docker daemon). */
@Command(
        name = "containerize",
        mixinStandardHelpOptions = true,
        header = "Build a serving container image from a ModelKit, without a Docker daemon.",
        description = "Adds the ModelKit's files on top of a base image (a serving runtime), one image layer per ModelKit "
                + "layer under --model-dir at the paths 'unpack' gives them, sets the entrypoint, environment and exposed "
                + "ports, and labels the image with the ModelKit's reference and digest, the Kitfile's package name and "
                + "version and the base image. The same ModelKit and base image give the same image digest unless "
                + "--created records the build time. The image goes to a registry, an OCI layout (oci:DIR[:TAG]) or an "
                + "OCI archive (tar:FILE). With --attest, signed SLSA provenance naming the ModelKit and base image digests "
                + "is stored next to the image. Credentials come from the same places as for push and pull.",
        footer = {
            "",
            "Examples:",
            "  modelkit containerize registry.example.com/ml/sentiment:1.4.0 --base registry.example.com/runtime/python:3.12 \\",
            "      --to registry.example.com/serving/sentiment:1.4.0 --entrypoint 'python /models/src/serve.py' --port 8080",
            "  modelkit containerize oci:./kit:1.4.0 --base 127.0.0.1:5000/runtime/busybox:1 --to tar:sentiment.tar --include model,code",
            "  MODELKIT_KEY_PASSWORD=... modelkit containerize sentiment:1.4.0 --base ... --to ... --attest --key modelkit.key"
        })
final class ContainerizeCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or a registry, or oci:PATH[:TAG].")
    String reference;

    @Option(names = "--base", required = true, paramLabel = "IMAGE", description = "The base image in a registry, host[:port]/repository[:tag|@digest].")
    String base;

    @Option(names = "--to", required = true, paramLabel = "TARGET",
            description = "Where the image goes: host[:port]/repository[:tag], oci:DIR[:TAG] or tar:FILE (an OCI archive).")
    String target;

    @Option(names = "--model-dir", paramLabel = "DIR", defaultValue = ContainerizeRequest.DEFAULT_MODEL_DIR,
            description = "The directory in the image the ModelKit's files go under (default: ${DEFAULT-VALUE}).")
    String modelDir;

    @Option(names = "--entrypoint", paramLabel = "COMMAND",
            description = "The entrypoint: words separated by spaces, or a JSON array such as '[\"/bin/sh\",\"-c\",\"serve\"]'. Default: the base image's.")
    String entrypoint;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable of the container (repeatable).")
    List<String> environment = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", description = "A TCP port the container exposes (repeatable).")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--include", paramLabel = "KINDS",
            description = "Which ModelKit content to add: model,parts,datasets,code,docs,prompts,mcpservers (default: all).")
    String include;

    @Option(names = "--created", description = "Record the build time in the image (its digest then changes with every build).")
    boolean created;

    @Option(names = "--attest", description = "Sign SLSA provenance for the image with --key and store it next to the image.")
    boolean attest;

    @Option(names = "--key", paramLabel = "FILE", description = "The private key for --attest (password from --password-stdin or MODELKIT_KEY_PASSWORD).")
    Path key;

    @Option(names = "--password-stdin", description = "Read the key's password from standard input.")
    boolean passwordStdin;

    @Option(names = "--builder-id", paramLabel = "URI", defaultValue = AttestCommand.DEFAULT_BUILDER_ID,
            description = "The URI of the build platform, for --attest (default: ${DEFAULT-VALUE}).")
    String builderId;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        if (attest != (key != null)) {
            throw new ModelKitException(attest ? "--attest needs --key FILE, the private key that signs the provenance"
                    : "--key is only used with --attest");
        }
        Map<String, String> env = context().env();
        ContainerizeRequest.Builder request = ContainerizeRequest.builder(location(reference), Reference.parse(base),
                        ImageTarget.parse(target))
                .modelDir(modelDir)
                .entrypoint(entrypointWords(entrypoint))
                .plainHttp(network.plainHttp)
                .listener(progress());
        environment.forEach(request::environment);
        ports.forEach(request::port);
        if (include != null) {
            request.include(ContentKind.parseList(include));
        }
        if (created) {
            request.creationTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        if (attest) {
            Instant now = Instant.now();
            request.attest(new ImageAttestation(AttestCommand.readKey(key, KeyPassword.read(context(), passwordStdin)), builderId,
                    Map.of("modelkit", ModelKitVersion.get()), blankToNull(env.get("BUILD_URL")), now, now));
        }
        Endpoints endpoints = new Endpoints(env, ref -> registryClient(ref, network));
        CredentialChain credentials = CredentialChain.standard(env, ModelKitHome.resolve(env).path());
        ContainerizeResult result = new Containerizer(endpoints, credentials).containerize(request.build());
        if (json) {
            printJson(toJson(result));
            return;
        }
        out().println("Image: " + result.imageReference());
        out().println("Digest: " + result.imageDigest());
        out().println("Config: " + result.configDigest());
        out().println("Layers: " + result.layers().size() + " (" + result.addedLayers().size() + " from the ModelKit "
                + result.modelKit() + ", on base " + result.baseDigest() + ")");
        if (result.attestation() != null) {
            out().println("Attestation: " + result.attestation().digest());
        }
    }

    /** Words split on spaces, or a JSON array of strings for arguments that contain spaces. */
    static List<String> entrypointWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith("[")) {
            return List.of(trimmed.split("\\s+"));
        }
        try {
            JsonNode array = new ObjectMapper().readTree(trimmed);
            List<String> words = new ArrayList<>();
            for (JsonNode word : array) {
                if (!word.isTextual()) {
                    throw new ModelKitException("invalid --entrypoint " + trimmed + ": every element must be a string");
                }
                words.add(word.textValue());
            }
            return words;
        } catch (JsonProcessingException e) {
            throw new ModelKitException("invalid --entrypoint " + trimmed + ": not a JSON array of strings ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ObjectNode toJson(ContainerizeResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("image", result.imageReference());
        node.put("digest", result.imageDigest().toString());
        node.put("config", result.configDigest().toString());
        node.put("modelKit", result.modelKit().toString());
        node.put("baseDigest", result.baseDigest().toString());
        ArrayNode layers = node.putArray("layers");
        result.layers().forEach(layer -> layers.add(layer.digest().toString()));
        ArrayNode added = node.putArray("modelKitLayers");
        for (ContainerizeResult.AddedLayer layer : result.addedLayers()) {
            ObjectNode entry = added.addObject();
            entry.put("kind", layer.kind().spelling());
            entry.put("path", layer.path());
            entry.put("source", layer.source().toString());
            entry.put("layer", layer.imageLayer().digest().toString());
        }
        node.put("attestation", result.attestation() == null ? null : result.attestation().digest().toString());
        return node;
    }
}
