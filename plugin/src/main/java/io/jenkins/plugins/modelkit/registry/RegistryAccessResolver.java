package io.jenkins.plugins.modelkit.registry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.agent.RegistryAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides, on the controller, how a step reaches each registry it talks to. Credentials: the
 * step's own {@code credentialsId}, else the innermost {@code withModelKitRegistry} block for that
 * host, else the global configuration. CA: the block's {@code tlsCa} if it names one, else the
 * global entry's; plain HTTP if either asks for it. Each credential used is tracked on the build,
 * as the Credentials plugin asks.
 */
public final class RegistryAccessResolver {
    private final Run<?, ?> run;
    private final List<RegistryEntry> configured;

    public RegistryAccessResolver(Run<?, ?> run, List<RegistryEntry> configured) {
        this.run = run;
        this.configured = List.copyOf(configured);
    }

    /**
     * @param stepCredentialsId the step's {@code credentialsId}, or null
     * @param scope the enclosing {@code withModelKitRegistry} blocks
     * @param hosts the registries ({@code host[:port]}) the step talks to
     * @throws AbortException naming a credentials ID that does not resolve
     */
    public List<RegistryAccess> resolve(String stepCredentialsId, RegistryScope scope, Collection<String> hosts)
            throws AbortException {
        List<RegistryAccess> result = new ArrayList<>();
        for (String host : hosts) {
            Optional<RegistryScope.Entry> block = scope.entries().stream()
                    .filter(entry -> entry.host().equalsIgnoreCase(host)).findFirst();
            Optional<RegistryEntry> global = configured.stream()
                    .filter(entry -> entry.getHost() != null && entry.getHost().equalsIgnoreCase(host)).findFirst();
            String credentialsId = stepCredentialsId != null ? stepCredentialsId
                    : block.map(RegistryScope.Entry::credentialsId)
                            .or(() -> global.map(RegistryEntry::getCredentialsId)).orElse(null);
            StandardUsernamePasswordCredentials credentials = credentialsId == null ? null : lookUp(credentialsId, host);
            String blockCa = block.map(RegistryScope.Entry::tlsCa).orElse(null);
            result.add(new RegistryAccess(host,
                    credentials == null ? null : credentials.getUsername(),
                    credentials == null ? null : credentials.getPassword(),
                    blockCa != null ? null : global.map(RegistryEntry::getCaCertificate).orElse(null),
                    blockCa,
                    block.map(RegistryScope.Entry::plainHttp).orElse(false)
                            || global.map(RegistryEntry::isPlainHttp).orElse(false)));
        }
        return result;
    }

    private StandardUsernamePasswordCredentials lookUp(String credentialsId, String host) throws AbortException {
        StandardUsernamePasswordCredentials credentials = CredentialsProvider.findCredentialById(credentialsId,
                StandardUsernamePasswordCredentials.class, run, URIRequirementBuilder.fromUri("https://" + host).build());
        if (credentials == null) {
            throw new AbortException(Messages.RegistryAccess_CredentialsNotFound(credentialsId, host));
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }
}
