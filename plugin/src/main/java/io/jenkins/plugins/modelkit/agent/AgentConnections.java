package io.jenkins.plugins.modelkit.agent;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.auth.Credential;
import io.modelkit.core.registry.auth.CredentialChain;
import io.modelkit.core.registry.auth.CredentialProvider;
import io.modelkit.core.store.ModelKitHome;
import io.modelkit.core.transfer.Endpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registries as the agent sees them during one step: clients with the credentials the
 * controller sent (then the agent's own: environment, login store, Docker config), the CA to trust
 * and plain HTTP where configured. A CA certificate from the global configuration lives in a
 * temporary file for the step and is deleted by {@link #close()}.
 */
final class AgentConnections implements AutoCloseable {
    private final AgentSettings settings;
    private final ProgressListener progress;
    private final List<Path> temporaryFiles = new ArrayList<>();

    AgentConnections(AgentSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Endpoints endpoints() {
        return new Endpoints(settings.env(), this::client);
    }

    RegistryClient client(Reference reference) {
        String registry = reference.registry();
        Optional<RegistryAccess> access = accessFor(registry);
        RegistryClient.Builder builder = RegistryClient.builder(registry)
                .plainHttp(settings.plainHttp() || access.map(RegistryAccess::plainHttp).orElse(false))
                .credentials(credentials())
                .progress(progress);
        caFile(access).ifPresent(builder::caCertificates);
        return builder.build();
    }

    /** The most specific access for a registry: its own entry first, then one for every registry. */
    private Optional<RegistryAccess> accessFor(String registry) {
        return settings.registries().stream().filter(access -> access.host() != null && access.matches(registry)).findFirst()
                .or(() -> settings.registries().stream().filter(access -> access.host() == null).findFirst());
    }

    /** The step's registry credentials, then the agent's own: for clients other than ours, such as jib's. */
    CredentialProvider credentials() {
        CredentialProvider own = CredentialChain.standard(settings.env(), ModelKitHome.resolve(settings.env()).path());
        return registry -> accessFor(registry).filter(RegistryAccess::hasCredentials)
                .map(access -> Credential.password(access.username(), access.password().getPlainText()))
                .or(() -> own.credentialFor(registry));
    }

    private Optional<Path> caFile(Optional<RegistryAccess> access) {
        String named = settings.tlsCa() != null && !settings.tlsCa().isBlank() ? settings.tlsCa()
                : access.map(RegistryAccess::caCertificateFile).filter(text -> !text.isBlank()).orElse(null);
        if (named != null) {
            Path file = Path.of(settings.workspace()).resolve(named);
            if (!Files.isRegularFile(file)) {
                throw new ModelKitException("tlsCa: " + file + " does not exist on this agent");
            }
            return Optional.of(file);
        }
        String pem = access.map(RegistryAccess::caCertificatePem).filter(text -> !text.isBlank()).orElse(null);
        if (pem == null) {
            return Optional.empty();
        }
        try {
            Path file = Files.createTempFile("modelkit-ca-", ".pem");
            temporaryFiles.add(file);
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return Optional.of(file);
        } catch (IOException e) {
            throw new ModelKitException("cannot write the registry's CA certificate to a temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Path file : temporaryFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                progress.warn("cannot delete " + file + ": " + e.getMessage());
            }
        }
    }
}
