package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.util.Secret;
import io.jenkins.plugins.modelkit.actions.ModelKitAction;
import io.jenkins.plugins.modelkit.actions.ModelKitBadgeAction;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * modelkitAttest, modelkitVerify and modelkitBom through a real pipeline on a real agent (a separate
 * JVM, so the key and its password cross remoting as secrets) against a real registry: the signing
 * key is an encrypted "Secret file" credential and its password a "Secret text"; the provenance
 * verifies with the signer's public key and not with another, which marks the build UNSTABLE; the
 * BOM is written on the agent and attached. Neither the password nor the key reaches the build log.
 */
@WithJenkins
@EnabledIf(value = "io.jenkins.plugins.modelkit.TestRegistries#dockerRegistryInstalled",
        disabledReason = "needs /usr/bin/docker-registry (Debian package docker-registry)")
class ProvenanceITest {

    /** At least 14 characters, so the credential is also accepted in FIPS mode. */
    private static final String PASSWORD = "k3y-Passw0rd-for-signing";
    private static final String GIT_URL = "https://git.example.com/ml/sentiment.git";
    private static final String GIT_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    private static final Pattern ATTESTED = Pattern.compile("ATTESTED=(sha256:[0-9a-f]{64})");
    private static final Pattern BOM_SERIAL = Pattern.compile("BOM_SERIAL=(urn:uuid:[0-9a-fA-F-]{36})");

    @Test
    void signsVerifiesAndDescribesAPushedModelKitOnAnAgent(JenkinsRule j) throws Exception {
        SigningKey key = KeyPairs.generate();
        byte[] keyPem = KeyFiles.privatePem(key.privateKey(), PASSWORD.toCharArray());
        addSigningCredentials(keyPem);
        String fingerprint = key.fingerprint().toString();
        DumbSlave agent = j.createOnlineSlave(Label.get("modelkit"));
        String reference = REGISTRY.host() + "/ml/signed:1";
        // what BuildProvenance names this Jenkins: JenkinsRule configures its root URL, which ends with '/'
        String builderId = j.getURL() + "modelkit-pipeline/v1";
        WorkflowJob p = j.jenkins.createProject(WorkflowJob.class, "signed");
        p.setDefinition(new CpsFlowDefinition(
                "node('modelkit') {\n"
                        + TestRegistries.writeProject("project")
                        + "  modelkitPack(contextDir: 'project', reference: '" + reference
                        + "', push: true, plainHttp: true)\n"
                        // the source defaults to what the Git plugin puts in the environment
                        + "  withEnv(['GIT_URL=" + GIT_URL + "', 'GIT_BRANCH=main', 'GIT_COMMIT=" + GIT_COMMIT + "']) {\n"
                        + "    def attested = modelkitAttest(reference: '" + reference
                        + "', keyCredentialsId: 'signing-key', passwordCredentialsId: 'signing-password', plainHttp: true)\n"
                        + "    echo \"ATTESTED=${attested.digest} KEY=${attested.keyFingerprint}\"\n"
                        + "  }\n"
                        + "  def verified = modelkitVerify(reference: '" + reference + "', keys: '''" + publicPem(key)
                        + "''', builderId: '" + builderId + "', sourceRepository: 'https://git[.]example[.]com/ml/.*'"
                        + ", sourceRef: 'main', maxAge: '1h', plainHttp: true)\n"
                        + "  echo \"VERIFIED=${verified.passed} DIGEST=${verified.digest} ATTESTATIONS=${verified.attestations}\"\n"
                        + "  def bom = modelkitBom(reference: '" + reference
                        + "', file: 'reports/bom.json', attach: true, plainHttp: true)\n"
                        + "  echo \"BOM_FILE=${bom.file} BOM_SERIAL=${bom.serialNumber} BOM_REFERRER=${bom.referrer}\"\n"
                        + "  writeFile file: 'keys/untrusted.pub', text: '''" + publicPem(KeyPairs.generate()) + "'''\n"
                        + "  def rejected = modelkitVerify(reference: '" + reference
                        + "', keys: 'keys/untrusted.pub', unstableOnFailure: true, plainHttp: true)\n"
                        + "  echo \"REJECTED=${rejected.passed} FAILED=${rejected.failedCheck}\"\n"
                        + "}\n",
                true));

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, p);

        String log = JenkinsRule.getLog(build);
        Matcher attested = ATTESTED.matcher(log);
        assertThat(attested.find()).as("the echoed attested digest in:%n%s", log).isTrue();
        String digest = attested.group(1);
        j.assertLogContains("ATTESTED=" + digest + " KEY=" + fingerprint, build);
        j.assertLogContains("Signed the provenance of " + reference, build);
        j.assertLogContains("with key " + fingerprint, build);

        j.assertLogContains("VERIFIED=true DIGEST=" + digest + " ATTESTATIONS=2", build);
        j.assertLogContains("signature: signed by " + fingerprint, build);
        j.assertLogContains("builder id: " + builderId, build);
        j.assertLogContains("source repository: " + GIT_URL, build);
        j.assertLogContains("Verified " + reference, build);

        j.assertLogContains("BOM_FILE=reports/bom.json", build);
        j.assertLogContains("BOM_REFERRER=sha256:", build);
        j.assertLogContains("Attached it to " + reference + " as referrer sha256:", build);
        Matcher serial = BOM_SERIAL.matcher(log);
        assertThat(serial.find()).as("the echoed BOM serial number in:%n%s", log).isTrue();
        FilePath workspace = agent.getWorkspaceFor(p);
        assertThat(workspace).isNotNull();
        FilePath bom = workspace.child("reports/bom.json");
        assertThat(bom.exists()).as("%s exists", bom).isTrue();
        assertThat(bom.readToString()).contains("CycloneDX").contains(serial.group(1));

        j.assertLogContains("REJECTED=false FAILED=signature: ", build);
        j.assertLogContains("ModelKit " + reference + " did not verify (signature: ", build);
        j.assertLogContains("the build is marked UNSTABLE", build);

        ModelKitAction action = build.getAction(ModelKitAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getDigest()).isEqualTo(digest);
        assertThat(action.isPushed()).as("signing and verifying keep what the build did to the ModelKit").isTrue();
        assertThat(action.getSignedBy()).isEqualTo(fingerprint);
        // the later verification, with the untrusted key, is the one the page shows
        assertThat(action.getVerification()).isEqualTo("failed");
        assertThat(action.getVerificationDetail()).startsWith("signature: ");
        assertThat(build.getActions(ModelKitBadgeAction.class)).singleElement()
                .satisfies(badge -> assertThat(badge.isVerified()).isFalse());

        assertThat(log).doesNotContain(PASSWORD);
        String pem = new String(keyPem, StandardCharsets.US_ASCII);
        pem.lines().filter(line -> !line.startsWith("-----"))
                .forEach(line -> assertThat(log).as("a line of the private key's PEM").doesNotContain(line));
    }

    private static String publicPem(SigningKey key) {
        return new String(KeyFiles.publicPem(key.publicKey()), StandardCharsets.US_ASCII);
    }

    private static void addSigningCredentials(byte[] keyPem) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "signing-key",
                "ModelKit signing key", "cosign.key", SecretBytes.fromRawBytes(keyPem)));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-password",
                "its password", Secret.fromString(PASSWORD)));
        store.save();
    }
}
