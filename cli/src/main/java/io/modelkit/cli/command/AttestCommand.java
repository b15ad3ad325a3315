package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.provenance.attest.AttestRequest;
import io.modelkit.core.provenance.attest.AttestResult;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit attest}: signed SLSA provenance stored next to a ModelKit. */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        header = "Sign SLSA provenance for a ModelKit and store it next to it.",
        description = "Builds an in-toto statement with an SLSA Provenance v1 predicate about the ModelKit's manifest digest "
                + "(source repository, ref and commit, Kitfile, target; dataset layers by digest; the Kitfile config and the "
                + "hyperparameters as byproducts), signs it as a DSSE envelope with an ECDSA key, and stores it as a Sigstore "
                + "bundle referrer and (unless --no-legacy) in cosign's sha256-<hex>.att image, where cosign, Kyverno and "
                + "'modelkit verify' find it. Source fields default to GIT_URL, GIT_BRANCH and GIT_COMMIT. The key's password "
                + "comes from --password-stdin or MODELKIT_KEY_PASSWORD.",
        footer = {
            "",
            "Examples:",
            "  modelkit attest registry.example.com/ml/sentiment:1.4.0 --key modelkit.key --builder-id https://ci.example.com/",
            "  MODELKIT_KEY_PASSWORD=... modelkit attest sentiment:1.4.0 --key cosign.key --no-legacy",
            "  modelkit attest oci:./layout:v1 --key modelkit.key --source-repo https://git.example.com/ml.git --git-commit $(git rev-parse HEAD)"
        })
final class AttestCommand extends StoreCommand {
    static final String DEFAULT_BUILDER_ID = "https://modelkit.io/builders/cli/v1";

    @Parameters(index = "0", paramLabel = "REF", description = "The ModelKit: a reference in the local store or a registry, or oci:PATH[:TAG].")
    String reference;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The private key: PKCS#8 PEM (optionally encrypted), EC PRIVATE KEY, or cosign's encrypted format.")
    Path key;

    @Option(names = "--password-stdin", description = "Read the key's password from standard input.")
    boolean passwordStdin;

    @Option(names = "--builder-id", paramLabel = "URI", defaultValue = DEFAULT_BUILDER_ID,
            description = "The URI of the build platform (default: ${DEFAULT-VALUE}).")
    String builderId;

    @Option(names = "--source-repo", paramLabel = "URL", description = "The source repository (default: $GIT_URL).")
    String sourceRepository;

    @Option(names = "--source-ref", paramLabel = "REF", description = "The source ref (default: $GIT_BRANCH).")
    String sourceRef;

    @Option(names = "--git-commit", paramLabel = "SHA", description = "The source commit (default: $GIT_COMMIT).")
    String gitCommit;

    @Option(names = "--kitfile", paramLabel = "PATH", description = "The Kitfile's path in the source repository.")
    String kitfile;

    @Option(names = "--invocation-id", paramLabel = "ID", description = "This build's id or URL (default: $BUILD_URL).")
    String invocationId;

    @Option(names = "--no-legacy", description = "Do not write cosign's legacy sha256-<hex>.att image (for immutable tags).")
    boolean noLegacy;

    @Option(names = {"-r", "--remote"}, description = "Attest the ModelKit in the registry even if the local store has it.")
    boolean remote;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        SigningKey signingKey = readKey();
        Map<String, String> env = context().env();
        AttestationTarget target = AttestationTarget.of(sourceEndpoint(location(reference), remote, network));
        AttestRequest request = request(signingKey, target.subjectName(), builderId, env, reference)
                .sourceRepository(orEnv(sourceRepository, env, "GIT_URL"))
                .sourceRef(orEnv(sourceRef, env, "GIT_BRANCH"))
                .gitCommit(orEnv(gitCommit, env, "GIT_COMMIT"))
                .kitfile(kitfile)
                .invocationId(orEnv(invocationId, env, "BUILD_URL"))
                .legacy(!noLegacy)
                .build();
        AttestResult result = Attester.attest(request, target.endpoint(), target.store());
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("subject", result.subject().toString());
            node.put("referrer", result.referrer().digest().toString());
            node.put("legacyImage", result.legacyImage() == null ? null : result.legacyImage().digest().toString());
            node.put("key", result.key().toString());
            printJson(node);
        } else {
            out().println("Attested " + result.subject() + " with key " + result.key() + ": bundle referrer "
                    + result.referrer().digest() + (result.legacyImage() == null ? "" : ", legacy image sha256-"
                    + result.subject().hex() + ".att"));
        }
    }

    private SigningKey readKey() throws Exception {
        return readKey(key, KeyPassword.read(context(), passwordStdin));
    }

    /** Reads a private key, then wipes the password. */
    static SigningKey readKey(Path file, char[] password) {
        try {
            return KeyFiles.readPrivate(file, password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * A request as every front end of this tool fills it: source from {@code GIT_URL}, {@code GIT_BRANCH},
     * {@code GIT_COMMIT}, invocation from {@code BUILD_URL}, finished now.
     */
    static AttestRequest.Builder request(SigningKey key, String subjectName, String builderId, Map<String, String> env,
            String target) {
        Instant now = Instant.now();
        return AttestRequest.builder(key, subjectName, builderId)
                .sourceRepository(orEnv(null, env, "GIT_URL"))
                .sourceRef(orEnv(null, env, "GIT_BRANCH"))
                .gitCommit(orEnv(null, env, "GIT_COMMIT"))
                .invocationId(orEnv(null, env, "BUILD_URL"))
                .target(target)
                .builderVersion("modelkit", io.modelkit.core.ModelKitVersion.get())
                .finishedOn(now)
                .created(now);
    }

    private static String orEnv(String value, Map<String, String> env, String variable) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        String fromEnv = env.get(variable);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}
