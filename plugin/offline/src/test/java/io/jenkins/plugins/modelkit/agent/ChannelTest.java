package io.jenkins.plugins.modelkit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.modelkit.core.kitfile.KitfileReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What crosses between controller and agent. Jenkins refuses classes of third-party jars on the
 * channel unless a plugin lists them; ours are built so that only JDK, Jenkins and plugin classes
 * cross. This reads every callable and result back through a filter that admits just those.
 */
class ChannelTest {
    private static final AgentSettings SETTINGS = new AgentSettings(Map.of("MODELKIT_HOME", "/tmp/home"), "/tmp/workspace",
            List.of(new RegistryAccess("registry.example.com", "builder", Secret.fromString("hunter2-hunter2"),
                    "-----BEGIN CERTIFICATE-----", null, false)), "ca.pem", false, 4);

    private static final SecretSigningKey SIGNING_KEY = new SecretSigningKey(
            Secret.fromString("-----BEGIN PRIVATE KEY-----"), "credentials 'key'", Secret.fromString("key-Passw0rd"));

    static Stream<Serializable> callables() {
        StreamTaskListener listener = new StreamTaskListener(new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        return Stream.of(
                new PackCallable(listener, SETTINGS, "/w/Kitfile", "registry.example.com/ml/m:1", "none", "modelkit", true, false, 2),
                new PushCallable(listener, SETTINGS, "m:1", "registry.example.com/ml/m:1"),
                new PullCallable(listener, SETTINGS, "registry.example.com/ml/m:1"),
                new UnpackCallable(listener, SETTINGS, "m:1", List.of("model"), true, false, true),
                new InspectCallable(listener, SETTINGS, "m:1", false),
                new AttestCallable(listener, SETTINGS, "registry.example.com/ml/m:1", SIGNING_KEY, true, new ProvenanceFields("urn:jenkins:modelkit-pipeline/v1",
                        "https://jenkins.example.com/job/j/1/", 1L, "https://git.example.com/ml.git", "main", "0".repeat(40), "Kitfile",
                        Map.of("jenkinsJob", "j"))),
                new VerifyCallable(listener, SETTINGS, "registry.example.com/ml/m:1", true, Map.of("keys (PEM block 1)", "-----BEGIN PUBLIC KEY-----"),
                        List.of("/w/cosign.pub"), new VerifyExpectations(true, "urn:b", "https://.*", "main", java.time.Duration.ofDays(7))),
                new BomCallable(listener, SETTINGS, "m:1", "/w/modelkit-bom.json", "modelkit-bom.json", true),
                new DiffCallable(listener, SETTINGS, "oci:/w/layout:v1", "oci:layout:v1", "registry.example.com/ml/m:2", "registry.example.com/ml/m:2", true),
                new ContainerizeCallable(listener, SETTINGS, "registry.example.com/ml/m:1", "ml/m:1", "registry.example.com/runtime/python:3.12",
                        "tar:/w/image.tar", new ImageSettings("/models", List.of("python", "serve.py"), Map.of("PORT", "8080"),
                        List.of(8080), "model,code", false), SIGNING_KEY, "urn:jenkins:modelkit-pipeline/v1", "https://jenkins.example.com/job/j/1/"),
                new GateCallable(listener, SETTINGS, "registry.example.com/ml/m:2", "registry.example.com/ml/m:2",
                        GatePolicySource.file("/w/.modelkit/gate.yaml", ".modelkit/gate.yaml"), "m:1", "m:1",
                        "registry.example.com/ml/m:prod", Map.of("trustedKeys (PEM block 1)", "-----BEGIN PUBLIC KEY-----"),
                        List.of("/w/ci.pub"), "/w/gate.xml", true, SIGNING_KEY),
                new PromoteCallable(listener, SETTINGS, "registry.example.com/ml/m-dev:1", "prod",
                        StagesSource.file("/w/.modelkit/stages.yaml", ".modelkit/stages.yaml"), "v1", false, true, SIGNING_KEY, Map.of("trustedKeys (PEM block 1)",
                        "-----BEGIN PUBLIC KEY-----"), List.of("/w/ci.pub"), "alice", "https://jenkins.example.com/job/j/1/"),
                new StageReferences());
    }

    @ParameterizedTest
    @MethodSource("callables")
    void callablesCarryOnlyJdkJenkinsAndPluginClasses(Serializable callable) throws Exception {
        assertThat(roundTrip(callable)).isInstanceOf(callable.getClass());
    }

    @Test
    void resultsCarryOnlyJdkAndPluginClasses() throws Exception {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        Manifest manifest = Manifest.builder()
                .config(new Descriptor("application/vnd.kitops.modelkit.config.v1+json", Digest.sha256(config), config.length))
                .layers(List.of(new Descriptor("application/vnd.kitops.modelkit.model.v1.tar", Digest.sha256(new byte[3]), 3)
                        .withAnnotation("org.cncf.model.filepath", "model.bin")))
                .build();
        var kitfile = KitfileReader.read("""
                manifestVersion: 1.0.0
                package: {name: demo, authors: [ana]}
                model:
                  name: m
                  path: model.bin
                  parameters: {lr: 0.001, layers: [64, 32], big: 123456789012345678901234567890}
                """.getBytes(StandardCharsets.UTF_8), "Kitfile");
        ModelKitSummary summary = ModelKitSummary.of("m:1", manifest, kitfile).with("pushed", true);

        ModelKitSummary back = (ModelKitSummary) roundTrip(summary);

        assertThat(back).isEqualTo(summary);
        assertThat(back.toMap()).containsEntry("digest", manifest.digest().toString()).containsEntry("pushed", true);
        assertThat(back.parametersJson()).contains("\"lr\" : 0.001");
    }

    @Test
    void anAttestationNeverPrintsItsKeyOrPassword() {
        String text = callables().filter(AttestCallable.class::isInstance).findFirst().orElseThrow().toString();
        assertThat(text).contains("credentials 'key'").doesNotContain("BEGIN").doesNotContain("key-Passw0rd");
    }

    @Test
    void aPromotionNeverPrintsItsKeyOrPassword() {
        String text = callables().filter(PromoteCallable.class::isInstance).findFirst().orElseThrow().toString();
        assertThat(text).contains("credentials 'key'").doesNotContain("BEGIN").doesNotContain("key-Passw0rd");
    }

    @Test
    void accessNeverPrintsThePassword() {
        assertThat(SETTINGS.toString()).doesNotContain("hunter2").contains("****");
    }

    @Test
    void theFilterRefusesAThirdPartyClass() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roundTrip(com.fasterxml.jackson.databind.node.TextNode.valueOf("x")))
                .isInstanceOf(InvalidClassException.class);
    }

    /** Serializes and reads back, admitting only the classes Jenkins admits without a ClassFilter entry. */
    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(info -> {
                Class<?> type = info.serialClass();
                if (type == null) {
                    return ObjectInputFilter.Status.UNDECIDED;
                }
                while (type.isArray()) {
                    type = type.getComponentType();
                }
                String name = type.getName();
                boolean allowed = type.isPrimitive() || name.startsWith("java.") || name.startsWith("hudson.")
                        || name.startsWith("jenkins.") || name.startsWith("io.jenkins.plugins.modelkit.");
                return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
            });
            return in.readObject();
        }
    }
}
