package io.jenkins.plugins.modelkit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.actions.ModelKitBadgeAction;
import io.jenkins.plugins.modelkit.support.Projects;
import io.jenkins.plugins.modelkit.support.Registries;
import io.jenkins.plugins.modelkit.support.StepRunner;
import io.modelkit.core.bom.ModelKitBom;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * modelkitAttest, modelkitVerify and modelkitBom end to end against a real registry and in an OCI
 * layout: keys from "Secret file" and "Secret text" credentials, provenance signed on the agent,
 * verified with trusted and untrusted keys, and the BOM written and attached. The key's password and
 * bytes never reach the build log.
 */
class ProvenanceStepsTest {
    private static final String PASSWORD = "k3y-Passw0rd-for-signing";
    private static final String GIT_URL = "https://git.example.com/ml/sentiment.git";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private StepRunner agent;
    private SigningKey key;
    private byte[] keyPem;

    @BeforeEach
    void setUp() throws Exception {
        Registries.configure();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Projects.copyExample(workspace.resolve("project"));
        agent = new StepRunner(workspace, temp.resolve("agent-home"));
        key = KeyPairs.generate();
        keyPem = KeyFiles.privatePem(key.privateKey(), PASSWORD.toCharArray());
        credentials(new FileCredentialsImpl(CredentialsScope.GLOBAL, "signing-key", "ModelKit signing key", "cosign.key",
                SecretBytes.fromRawBytes(keyPem)));
        credentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-password", "its password",
                Secret.fromString(PASSWORD)));
    }

    @AfterEach
    void forgetCredentials() {
        SystemCredentialsProvider.getInstance().getCredentials().clear();
    }

    private static void credentials(com.cloudbees.plugins.credentials.Credentials credentials) {
        SystemCredentialsProvider.getInstance().getCredentials().add(credentials);
    }

    private String pushed(String repository) throws Exception {
        String reference = REGISTRY.host() + "/ml/" + repository + ":1.0";
        PackStep pack = new PackStep(reference);
        pack.setContextDir("project");
        pack.setPush(true);
        agent.call(pack);
        return reference;
    }

    private AttestStep attest(String reference) {
        AttestStep attest = new AttestStep(reference);
        attest.setKeyCredentialsId("signing-key");
        attest.setPasswordCredentialsId("signing-password");
        return attest;
    }

    private static String publicPem(SigningKey signer) {
        return new String(KeyFiles.publicPem(signer.publicKey()), StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(org.jenkinsci.plugins.workflow.steps.Step step, Map<String, String> env) throws Exception {
        EnvVars vars = new EnvVars(Map.of("MODELKIT_HOME", temp.resolve("agent-home").toString()));
        vars.putAll(env);
        return (Map<String, Object>) agent.call(step, agent.context().put(vars));
    }

    /** Neither the password nor a line of the key's PEM body is in the log. */
    private void assertNoSecretsIn(String log) {
        assertThat(log).doesNotContain(PASSWORD);
        String pem = new String(keyPem, StandardCharsets.US_ASCII);
        pem.lines().filter(line -> !line.startsWith("-----")).forEach(line -> assertThat(log).doesNotContain(line));
    }

    @Test
    void shouldSignVerifyAndDescribeAPushedModelKit() throws Exception {
        String reference = pushed("signed");
        String fingerprint = key.fingerprint().toString();

        Map<String, Object> attested = call(attest(reference),
                Map.of("GIT_URL", GIT_URL, "GIT_BRANCH", "main", "GIT_COMMIT", "a".repeat(40)));

        RegistryClient registry = RegistryClient.builder(REGISTRY.host()).build();
        Digest digest = Digest.sha256(registry.getManifest("ml/signed", "1.0").bytes());
        assertThat(attested).containsEntry("digest", digest.toString()).containsEntry("keyFingerprint", fingerprint);
        assertThat((String) attested.get("referrer")).startsWith("sha256:");
        assertThat(registry.getManifest("ml/signed", "sha256-" + digest.hex() + ".att").bytes())
                .satisfies(bytes -> assertThat(Digest.sha256(bytes).toString()).isEqualTo(attested.get("legacyImage")));
        ModelKitAction action = agent.run().getAction(ModelKitAction.class);
        assertThat(action.getSignedBy()).isEqualTo(fingerprint);
        assertThat(action.isPushed()).as("signing keeps what the build did to the ModelKit").isTrue();
        assertThat(agent.log()).contains("Signed the provenance of " + reference);

        VerifyStep verify = new VerifyStep(reference);
        verify.setKeys(publicPem(key));
        verify.setBuilderId(BuildProvenance.UNNAMED_BUILDER);
        verify.setSourceRepository("https://git\\.example\\.com/ml/.*");
        verify.setSourceRef("main");
        verify.setMaxAge("1h");
        Map<String, Object> verified = agent.call(verify);

        assertThat(verified).containsEntry("passed", true).containsEntry("digest", digest.toString())
                .containsEntry("attestations", 2).containsEntry("failedCheck", null);
        assertThat((List<?>) verified.get("checks")).hasSize(1 + 2 * 7);
        assertThat(agent.log()).contains("\u2714 signature: signed by " + fingerprint)
                .contains("\u2714 builder id: " + BuildProvenance.UNNAMED_BUILDER)
                .contains("\u2714 source repository: " + GIT_URL)
                .contains("\u2714 integrity: 8 blobs");
        assertThat(agent.run().getAction(ModelKitAction.class).isVerified()).isTrue();
        assertThat(agent.run().getAction(ModelKitAction.class).getSignedBy()).isEqualTo(fingerprint);
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).singleElement()
                .satisfies(badge -> assertThat(badge.getTooltip()).isEqualTo("ModelKit " + reference + " @ " + digest + " (verified)"));
        assertThat(agent.run().getResult()).isNull();

        BomStep bom = new BomStep(reference);
        bom.setFile("reports/bom.json");
        bom.setAttach(true);
        Map<String, Object> described = agent.call(bom);

        Path file = agent.workspace().resolve("reports/bom.json");
        String serialNumber = new ObjectMapper().readTree(file.toFile()).path("serialNumber").asText();
        assertThat(serialNumber).startsWith("urn:uuid:");
        assertThat(described).containsEntry("file", "reports/bom.json").containsEntry("serialNumber", serialNumber);
        assertThat(registry.referrers("ml/signed", digest, ModelKitBom.MEDIA_TYPE)).extracting(Descriptor::digest)
                .extracting(Digest::toString).containsExactly((String) described.get("referrer"));
        assertNoSecretsIn(agent.log());
    }

    @Test
    void shouldFailTheBuildWhenNoTrustedKeySigned() throws Exception {
        String reference = pushed("untrusted");
        agent.call(attest(reference));
        VerifyStep verify = new VerifyStep(reference);
        verify.setKeys(publicPem(KeyPairs.generate()));

        assertThatThrownBy(() -> agent.call(verify)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("ModelKit " + reference + " did not verify: signature: ");
        assertThat(agent.log()).contains("\u2718 signature: ");
        ModelKitAction action = agent.run().getAction(ModelKitAction.class);
        assertThat(action.getVerification()).isEqualTo("failed");
        assertThat(action.getVerificationDetail()).startsWith("signature: ");
        assertThat(agent.run().getActions(ModelKitBadgeAction.class)).singleElement()
                .satisfies(badge -> assertThat(badge.isVerified()).isFalse());
        assertNoSecretsIn(agent.log());
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAsked() throws Exception {
        String reference = pushed("unstable");
        agent.call(attest(reference));
        VerifyStep verify = new VerifyStep(reference);
        verify.setKeys(publicPem(key));
        verify.setBuilderId("https://other.example.com/builder");
        verify.setUnstableOnFailure(true);

        Map<String, Object> result = agent.call(verify);

        assertThat(result).containsEntry("passed", false)
                .containsEntry("failedCheck", "builder id: '" + BuildProvenance.UNNAMED_BUILDER
                        + "', expected 'https://other.example.com/builder'");
        assertThat(agent.run().getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(agent.log()).contains("did not verify (builder id: ").contains("the build is marked UNSTABLE");
    }

    @Test
    void shouldSignAndVerifyInAnOciLayoutWithKeysFromFilesAndCredentials() throws Exception {
        PackStep pack = new PackStep("oci:layouts/sentiment:v1");
        pack.setContextDir("project");
        agent.call(pack);
        credentials(new FileCredentialsImpl(CredentialsScope.GLOBAL, "plain-key", "unencrypted", "key.pem",
                SecretBytes.fromRawBytes(KeyFiles.privatePem(key.privateKey(), null))));
        credentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "trusted", "public key", Secret.fromString(publicPem(key))));
        Files.write(agent.workspace().resolve("cosign.pub"), KeyFiles.publicPem(key.publicKey()));
        AttestStep attest = new AttestStep("oci:layouts/sentiment:v1");
        attest.setKeyCredentialsId("plain-key");
        attest.setLegacy(false);

        Map<String, Object> attested = agent.call(attest);

        assertThat(attested).containsEntry("legacyImage", null);
        VerifyStep byFile = new VerifyStep("oci:layouts/sentiment:v1");
        byFile.setKeys("cosign.pub");
        byFile.setIntegrity("manifest-only");
        assertThat(agent.call(byFile)).containsEntry("passed", true).containsEntry("attestations", 1);
        VerifyStep byCredentials = new VerifyStep("oci:layouts/sentiment:v1");
        byCredentials.setKeyCredentialsIds("trusted");
        assertThat(agent.call(byCredentials)).containsEntry("passed", true);

        Map<String, Object> described = agent.call(new BomStep("oci:layouts/sentiment:v1"));
        assertThat(agent.workspace().resolve(BomStep.DEFAULT_FILE)).exists();
        assertThat(described).containsEntry("referrer", null).containsEntry("digest", attested.get("digest"));
    }

    @Test
    void shouldNameTheMissingKeyCredentials() throws Exception {
        String reference = pushed("missing");
        AttestStep attest = attest(reference);
        attest.setKeyCredentialsId("nope");
        assertThatThrownBy(() -> agent.call(attest)).isInstanceOf(AbortException.class)
                .hasMessage("No Secret file credentials with ID 'nope' for the signing key");
        assertThatThrownBy(() -> agent.call(new AttestStep(reference))).isInstanceOf(AbortException.class)
                .hasMessage("modelkit step parameter 'keyCredentialsId' is required");
        assertThatThrownBy(() -> agent.call(new VerifyStep(reference))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("modelkitVerify needs trusted public keys");
    }

    @Test
    void shouldNotSignWithAWrongPasswordAndNeverShowIt() throws Exception {
        String reference = pushed("wrong-password");
        credentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "wrong", "not it", Secret.fromString("n0t-the-Passw0rd")));
        AttestStep attest = attest(reference);
        attest.setPasswordCredentialsId("wrong");

        assertThatThrownBy(() -> agent.call(attest)).isInstanceOf(AbortException.class)
                .hasMessage("cannot decrypt private key credentials 'signing-key': wrong password or damaged key");
        assertThat(agent.log()).doesNotContain("n0t-the-Passw0rd");
        assertNoSecretsIn(agent.log());
    }

    @Test
    void shouldRefuseBadVerifyOptionsWhenTheStepIsConfigured() {
        VerifyStep verify = new VerifyStep("x:1");
        assertThatThrownBy(() -> verify.setIntegrity("some")).hasMessage("integrity must be 'full' or 'manifest-only', was 'some'");
        assertThatThrownBy(() -> verify.setMaxAge("7 days")).hasMessageContaining("'7 days'");
        assertThatThrownBy(() -> verify.setSourceRef("(main")).hasMessageStartingWith("sourceRef is not a valid regular expression");
        verify.setMaxAge("12h");
        assertThat(VerifyStep.age(verify.getMaxAge())).hasHours(12);
        assertThat(VerifyStep.age("P7D")).hasDays(7);
    }
}
