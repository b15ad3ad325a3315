package io.modelkit.core.registry.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks several providers in turn; the first that has a credential for the registry wins. The
 * {@linkplain #standard standard chain}, used by the CLI and the Jenkins plugin, is:
 * <ol>
 *   <li>environment variables ({@link EnvironmentCredentials});</li>
 *   <li>{@code modelkit login} ({@link LoginStore} in the ModelKit home);</li>
 *   <li>{@code $REGISTRY_AUTH_FILE}, podman's and skopeo's file, when set;</li>
 *   <li>Docker's {@code config.json}: {@code credHelpers}, {@code credsStore}, {@code auths}.</li>
 * </ol>
 * No credential anywhere means anonymous access.
 */
public final class CredentialChain implements CredentialProvider {
    private final List<CredentialProvider> providers;

    public CredentialChain(List<? extends CredentialProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * The standard chain for an environment.
     *
     * @param env          the environment, usually {@link System#getenv()}; {@code PATH} in it is where
     *                     credential helpers are looked up
     * @param modelkitHome the ModelKit home, which holds the login store
     */
    public static CredentialChain standard(Map<String, String> env, Path modelkitHome) {
        return standard(env, modelkitHome, CredentialHelperRunner.onPath(env.get("PATH")));
    }

    /** The standard chain, running credential helpers with {@code helpers}. */
    public static CredentialChain standard(Map<String, String> env, Path modelkitHome, CredentialHelperRunner helpers) {
        List<CredentialProvider> chain = new ArrayList<>();
        chain.add(new EnvironmentCredentials(env));
        chain.add(LoginStore.inHome(modelkitHome));
        DockerConfigCredentials.registryAuthFile(env).ifPresent(file -> chain.add(new DockerConfigCredentials(file, helpers)));
        chain.add(new DockerConfigCredentials(DockerConfigCredentials.dockerConfigFile(env), helpers));
        return new CredentialChain(chain);
    }

    public List<CredentialProvider> providers() {
        return providers;
    }

    @Override
    public Optional<Credential> credentialFor(String registry) {
        for (CredentialProvider provider : providers) {
            Optional<Credential> credential = provider.credentialFor(registry);
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CredentialChain" + providers;
    }
}
