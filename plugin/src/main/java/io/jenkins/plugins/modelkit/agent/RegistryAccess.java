package io.jenkins.plugins.modelkit.agent;

import hudson.util.Secret;
import java.io.Serializable;

/**
 * How the agent reaches one registry: the credentials the controller resolved for it (a password
 * travels as a {@link Secret}), a CA certificate (PEM text from the global configuration, or a PEM
 * file on the agent, relative to the workspace), and whether it speaks plain HTTP. {@code host}
 * null means every registry the step talks to, as for a step's own {@code credentialsId}.
 */
public record RegistryAccess(String host, String username, Secret password, String caCertificatePem,
                             String caCertificateFile, boolean plainHttp) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean matches(String registry) {
        return host == null || host.equalsIgnoreCase(registry);
    }

    public boolean hasCredentials() {
        return username != null && password != null;
    }

    /** Never the password: a record's default would print it. */
    @Override
    public String toString() {
        return "RegistryAccess[host=" + (host == null ? "*" : host) + ", username=" + username
                + ", password=" + (password == null ? "none" : "****") + ", plainHttp=" + plainHttp + "]";
    }
}
