package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelkit attest} and {@code modelkit verify} against a real registry and the local store. */
class AttestVerifyCliTest {
    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path privateKey;
    private Path publicKey;
    private Path otherPublicKey;

    @BeforeEach
    void setUp() throws Exception {
        SigningKey key = KeyPairs.generate();
        privateKey = Files.write(temp.resolve("modelkit.key"), KeyFiles.privatePem(key.privateKey(), PASSWORD.toCharArray()));
        publicKey = Files.write(temp.resolve("modelkit.pub"), KeyFiles.publicPem(key.publicKey()));
        otherPublicKey = Files.write(temp.resolve("other.pub"), KeyFiles.publicPem(KeyPairs.generate().publicKey()));
        cli = new CliRunner(temp.resolve("home")).env("MODELKIT_KEY_PASSWORD", PASSWORD)
                .env("GIT_URL", "https://git.example.com/ml/sentiment.git").env("GIT_BRANCH", "main")
                .env("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        Path project = Contexts.copyOfExample(temp.resolve("project"));
        assertThat(cli.run("pack", project.toString(), "-t", REGISTRY.host() + "/ml/sentiment:1.4.0", "--push").exitCode()).isZero();
    }

    @Test
    void shouldAttestInTheRegistryAndVerifyEveryCheck() {
        String remote = REGISTRY.host() + "/ml/sentiment:1.4.0";
        CliRunner.Result attest = cli.run("attest", remote, "-r", "--key", privateKey.toString(),
                "--builder-id", "https://ci.example.com/");
        assertThat(attest.exitCode()).as(attest.toString()).isZero();
        assertThat(attest.out()).startsWith("Attested sha256:").contains("bundle referrer sha256:", ".att");
        assertThat(attest.out() + attest.err()).doesNotContain(PASSWORD);

        CliRunner.Result verify = cli.run("verify", remote, "-r", "--key", publicKey.toString(), "--builder-id",
                "https://ci.example.com/", "--source-repo", "https://git\\.example\\.com/ml/.*", "--source-ref", "main",
                "--max-age", "1d");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("ok      integrity: 8 blobs", "ok      signature: signed by sha256:",
                "ok      builder id: https://ci.example.com/", "ok      source ref: main",
                "Verified: 2 of 2 attestations passed every check.");
    }

    @Test
    void shouldFailVerificationWithAnUntrustedKeyOrAnUnmetExpectation() throws Exception {
        String remote = REGISTRY.host() + "/ml/sentiment:1.4.0";
        assertThat(cli.run("attest", remote, "-r", "--key", privateKey.toString(), "--no-legacy").exitCode()).isZero();

        CliRunner.Result untrusted = cli.run("verify", remote, "-r", "--key", otherPublicKey.toString());
        assertThat(untrusted.exitCode()).isEqualTo(1);
        assertThat(untrusted.out()).contains("FAILED  signature: DSSE envelope: none of its 1 signature(s) verifies", "NOT verified.");
        assertThat(untrusted.err()).contains("verification of " + remote + " failed: signature:");

        CliRunner.Result wrongRef = cli.run("verify", remote, "-r", "--key", publicKey.toString(), "--source-ref", "release/.*",
                "--json");
        assertThat(wrongRef.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(wrongRef.out());
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("attestations")).hasSize(1);
        assertThat(report.path("attestations").get(0).path("checks").toString())
                .contains("\"name\":\"source ref\",\"passed\":false,\"detail\":\"'main', expected a match of 'release/.*'\"");
    }

    @Test
    void shouldFailWithoutAttestationsAndCheckOnlyTheManifestWhenAsked() {
        String remote = REGISTRY.host() + "/ml/sentiment:1.4.0";
        CliRunner.Result none = cli.run("verify", remote, "-r", "--key", publicKey.toString(), "--integrity", "manifest-only");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("ok      integrity: manifest sha256:", "FAILED  attestation: none found");
        assertThat(none.err()).contains("no attestation found");
    }

    @Test
    void shouldAttestAndVerifyInTheLocalStore() {
        Path project = Contexts.copyOfExample(temp.resolve("local-project"));
        assertThat(cli.run("pack", project.toString(), "-t", "sentiment:2").exitCode()).isZero();
        assertThat(cli.run("attest", "sentiment:2", "--key", privateKey.toString()).exitCode()).isZero();

        CliRunner.Result verify = cli.run("verify", "sentiment:2", "--keys-dir", temp.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Verified: 2 of 2");
        CliRunner.Result list = cli.run("list");
        assertThat(list.out()).contains("sentiment").doesNotContain(".att").doesNotContain("sha256-");
    }

    @Test
    void shouldRefuseAWrongPasswordAndMissingKeys() {
        CliRunner wrong = new CliRunner(temp.resolve("home")).env("MODELKIT_KEY_PASSWORD", "not-it");
        CliRunner.Result attest = wrong.run("attest", REGISTRY.host() + "/ml/sentiment:1.4.0", "-r", "--key", privateKey.toString());
        assertThat(attest.exitCode()).isEqualTo(1);
        assertThat(attest.err()).contains("cannot decrypt private key " + privateKey + ": wrong password or damaged key")
                .doesNotContain("not-it");

        CliRunner.Result noKey = cli.run("verify", "sentiment:1");
        assertThat(noKey.exitCode()).isEqualTo(1);
        assertThat(noKey.err()).contains("no trusted key: give --key FILE (repeatable) or --keys-dir DIR");
        Path malformed = temp.resolve("malformed.pub");
        try {
            Files.writeString(malformed, "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRunner.Result badKey = cli.run("verify", "sentiment:1", "--key", malformed.toString());
        assertThat(badKey.exitCode()).isEqualTo(1);
        assertThat(badKey.err()).contains(malformed.toString());
        CliRunner.Result badAge = cli.run("verify", "sentiment:1", "--key", publicKey.toString(), "--max-age", "soon");
        assertThat(badAge.exitCode()).isEqualTo(2);
        assertThat(badAge.err()).contains("invalid age 'soon'");
    }

    @Test
    void shouldAttestAsPartOfPackAndPush() {
        Path project = Contexts.copyOfExample(temp.resolve("attested-project"));
        String remote = REGISTRY.host() + "/ml/signed:1";
        CliRunner.Result pack = cli.run("pack", project.toString(), "-t", remote, "--push-only", "--attest", "--key",
                privateKey.toString(), "--builder-id", "https://ci.example.com/");
        assertThat(pack.exitCode()).as(pack.toString()).isZero();
        assertThat(pack.err()).contains("Attested sha256:");

        CliRunner.Result verify = new CliRunner(temp.resolve("elsewhere")).run("verify", remote, "--key", publicKey.toString(),
                "--builder-id", "https://ci.example.com/", "--source-ref", "main");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();

        CliRunner.Result local = cli.run("pack", project.toString(), "-t", "x:1", "--attest", "--key", privateKey.toString());
        assertThat(local.exitCode()).isEqualTo(1);
        assertThat(local.err()).contains("--attest needs --push or --push-only");
    }
}
