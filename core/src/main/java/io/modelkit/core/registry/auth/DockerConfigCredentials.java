package io.modelkit.core.registry.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials from a file in Docker's config format: Docker's {@code config.json}, or podman's and
 * skopeo's {@code auth.json} named by {@code $REGISTRY_AUTH_FILE}. For a registry, in this order:
 * the helper named for it in {@code credHelpers}, the default helper {@code credsStore}, then its
 * {@code auths} entry ({@code auth} = base64 of {@code user:password}, or {@code username} and
 * {@code password}, or an {@code identitytoken}). Keys match as Docker matches them: the bare host,
 * {@code https://host}, {@code https://host/v1/}; Docker Hub ({@code docker.io},
 * {@code index.docker.io}, {@code registry-1.docker.io}) under {@code https://index.docker.io/v1/}.
 *
 * <p>Unlike Docker, a helper that is not installed or has no credential for the registry lets the
 * {@code auths} entry answer instead of failing: a {@code credsStore} copied from a desktop machine
 * must not hide the credentials a CI job wrote into the same file. The file is read on every call,
 * so a login elsewhere is seen at once; a missing file means no credentials.
 */
public final class DockerConfigCredentials implements CredentialProvider {
    /** Names the directory of Docker's {@code config.json}. */
    public static final String DOCKER_CONFIG_VARIABLE = "DOCKER_CONFIG";
    /** Names podman's and skopeo's credentials file. */
    public static final String REGISTRY_AUTH_FILE_VARIABLE = "REGISTRY_AUTH_FILE";

    private final Path file;
    private final CredentialHelperRunner helpers;

    public DockerConfigCredentials(Path file, CredentialHelperRunner helpers) {
        this.file = Objects.requireNonNull(file, "file");
        this.helpers = Objects.requireNonNull(helpers, "helpers");
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker/config.json}, as Docker finds it. */
    public static Path dockerConfigFile(Map<String, String> env) {
        String dir = env.get(DOCKER_CONFIG_VARIABLE);
        if (dir != null && !dir.isEmpty()) {
            return Path.of(dir, "config.json");
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".docker", "config.json");
    }

    /** The file named by {@code $REGISTRY_AUTH_FILE}, if set. */
    public static Optional<Path> registryAuthFile(Map<String, String> env) {
        String file = env.get(REGISTRY_AUTH_FILE_VARIABLE);
        return file == null || file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Credential> credentialFor(String registry) {
        RegistryHost.requireValid(registry);
        AuthFile config = AuthFile.read(file);
        String serverUrl = RegistryHost.configKey(registry);
        Optional<String> helper = config.credentialHelperFor(registry);
        if (helper.isPresent()) {
            Optional<Credential> found = helpers.get(helper.get(), serverUrl);
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<String> store = config.credentialsStore();
        if (store.isPresent() && !store.equals(helper)) {
            Optional<Credential> found = helpers.get(store.get(), serverUrl);
            if (found.isPresent()) {
                return found;
            }
        }
        return config.inlineCredentialFor(registry);
    }

    @Override
    public String toString() {
        return "DockerConfigCredentials[" + file + "]";
    }
}
