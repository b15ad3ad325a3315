package io.modelkit.core.registry.auth;

import io.modelkit.core.ModelKitException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from environment variables, for CI jobs that get secrets as variables:
 * <ul>
 *   <li>{@code MODELKIT_REGISTRY_<HOST>_USER} and {@code MODELKIT_REGISTRY_<HOST>_PASSWORD} for one
 *   registry, where {@code <HOST>} is its {@code host[:port]} in upper case with every character other
 *   than a letter or digit replaced by {@code _}: {@code ghcr.io} is {@code GHCR_IO},
 *   {@code localhost:5000} is {@code LOCALHOST_5000}, and every name of Docker Hub is
 *   {@code DOCKER_IO};</li>
 *   <li>{@code MODELKIT_REGISTRY_USER} and {@code MODELKIT_REGISTRY_PASSWORD} for every registry
 *   that has no variables of its own.</li>
 * </ul>
 * Both variables of a pair must be set; an empty variable counts as unset, and a pair with one half
 * set is an error naming the missing variable.
 */
public final class EnvironmentCredentials implements CredentialProvider {
    /** The prefix of every variable read here. */
    public static final String PREFIX = "MODELKIT_REGISTRY_";
    public static final String USER_VARIABLE = PREFIX + "USER";
    public static final String PASSWORD_VARIABLE = PREFIX + "PASSWORD";

    private final Map<String, String> env;

    /** @param env the environment, usually {@link System#getenv()} */
    public EnvironmentCredentials(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The user variable for {@code registry}, such as {@code MODELKIT_REGISTRY_GHCR_IO_USER}. */
    public static String userVariable(String registry) {
        return PREFIX + normalise(registry) + "_USER";
    }

    /** The password variable for {@code registry}, such as {@code MODELKIT_REGISTRY_GHCR_IO_PASSWORD}. */
    public static String passwordVariable(String registry) {
        return PREFIX + normalise(registry) + "_PASSWORD";
    }

    @Override
    public Optional<Credential> credentialFor(String registry) {
        RegistryHost.requireValid(registry);
        Optional<Credential> own = pair(userVariable(registry), passwordVariable(registry));
        return own.isPresent() ? own : pair(USER_VARIABLE, PASSWORD_VARIABLE);
    }

    private Optional<Credential> pair(String userVariable, String passwordVariable) {
        String user = value(userVariable);
        String password = value(passwordVariable);
        if (user == null && password == null) {
            return Optional.empty();
        }
        if (user == null) {
            throw new ModelKitException(passwordVariable + " is set but " + userVariable + " is not");
        }
        if (password == null) {
            throw new ModelKitException(userVariable + " is set but " + passwordVariable + " is not");
        }
        return Optional.of(Credential.password(user, password));
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String normalise(String registry) {
        String host = RegistryHost.isDockerHub(RegistryHost.requireValid(registry)) ? "docker.io" : registry;
        return host.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public String toString() {
        return "EnvironmentCredentials";
    }
}
