package io.modelkit.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.auth.Credential;
import io.modelkit.core.registry.auth.CredentialProvider;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.transfer.Endpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Base and target registries that ask for a password (htpasswd over TLS): credentials from the provider, and one-line refusals. */
class ContainerizerAccessTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "s3cret-Passw0rd";

    @RegisterExtension
    static final LocalRegistry OPEN = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry SECURED = LocalRegistry.withTlsAndBasicAuth(USER, PASSWORD);

    @TempDir
    static Path shared;

    private static LayoutReference kit;

    @TempDir
    Path temp;

    @BeforeAll
    static void prepare() throws Exception {
        Tools.pushBusyboxBase(shared.resolve("open"), OPEN.host(), "runtime/busybox", "1.0");
        Tools.pushBusyboxBase(shared.resolve("secured"), SECURED.host(), "runtime/busybox", "1.0", USER + ":" + PASSWORD);
        Path context = Files.createDirectories(shared.resolve("project/model"));
        Files.writeString(context.resolve("w.bin"), "weights");
        Files.writeString(context.getParent().resolve("Kitfile"), "manifestVersion: 1.0.0\nmodel:\n  path: model/w.bin\n");
        kit = LayoutReference.of(shared.resolve("kit"), "1");
        Packer.pack(PackRequest.builder(context.getParent()).created(Instant.parse("2026-11-01T00:00:00Z")).target(kit).build(),
                LayoutStore.open(kit.path()));
    }

    private Containerizer containerizer(CredentialProvider credentials) {
        Endpoints endpoints = new Endpoints(Map.of("MODELKIT_HOME", temp.resolve("home").toString()), reference -> {
            RegistryClient.Builder client = RegistryClient.builder(reference.registry()).credentials(credentials);
            if (reference.registry().equals(SECURED.host())) {
                client.caCertificates(SECURED.caCertificate());
            }
            return client.build();
        });
        return new Containerizer(endpoints, credentials);
    }

    private static CredentialProvider password(String secret) {
        return registry -> registry.equals(SECURED.host()) ? Optional.of(Credential.password(USER, secret)) : Optional.empty();
    }

    private static ContainerizeRequest request(String base, String target) {
        return ContainerizeRequest.builder(kit, Reference.parse(base), ImageTarget.parse(target)).build();
    }

    @Test
    void pushesWithTheProvidersCredentials() throws Exception {
        String target = SECURED.host() + "/serving/tiny:1";
        ContainerizeResult result = containerizer(password(PASSWORD)).containerize(request(SECURED.host() + "/runtime/busybox:1.0", target));
        String inspected = Tools.run("skopeo", "inspect", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, "docker://" + target);
        assertThat(inspected).contains("\"Digest\": \"" + result.imageDigest() + "\"");
    }

    @Test
    void aTargetWithoutAccessIsOneLine() {
        String target = SECURED.host() + "/serving/tiny:denied";
        assertThatThrownBy(() -> containerizer(CredentialProvider.ANONYMOUS).containerize(request(OPEN.host() + "/runtime/busybox:1.0", target)))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("no access to " + SECURED.host() + "/serving/tiny")
                .hasMessageEndingWith("(HTTP 401/403): log in with 'modelkit login' or set the registry's credentials");
    }

    @Test
    void aBaseWithoutAccessIsOneLineAndNeverShowsThePassword() {
        String base = SECURED.host() + "/runtime/busybox:1.0";
        assertThatThrownBy(() -> containerizer(password("wrong-" + PASSWORD)).containerize(request(base, OPEN.host() + "/serving/tiny:1")))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("no access to base image " + base + " (HTTP 401): log in with 'modelkit login' or set the registry's credentials")
                .hasMessageNotContaining(PASSWORD);
    }
}
