package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyFingerprint;
import io.modelkit.core.provenance.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen: the files, their modes and formats, with openssl as the independent reader. */
class KeygenCliTest {
    private static final String PASSWORD = "c0rrect horse-battery";

    @TempDir
    Path temp;

    @BeforeAll
    static void opensslIsInstalled() throws Exception {
        assertThat(openssl(null, "version").output()).startsWith("OpenSSL ");
    }

    @Test
    void shouldWriteAnUnencryptedPrivateKeyOnlyTheOwnerReadsAndItsPublicKey() throws Exception {
        String prefix = temp.resolve("release").toString();

        CliRunner.Result keygen = cli().run("keygen", "--output-key-prefix", prefix);

        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        Path privateKey = Path.of(prefix + ".key");
        Path publicKey = Path.of(prefix + ".pub");
        String fingerprint = Digest.sha256(openssl(null, "pkey", "-pubin", "-in", publicKey.toString(), "-outform", "DER")
                .bytes()).toString();
        assertThat(keygen.out()).isEqualTo("Private key written to " + privateKey + ", public key to " + publicKey
                + ", fingerprint " + fingerprint + "\n");
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(publicKey)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(openssl(null, "pkey", "-in", privateKey.toString(), "-pubout").output())
                .as("openssl derives the same public key from the private one").isEqualTo(Files.readString(publicKey));
        assertThat(openssl(null, "pkey", "-in", privateKey.toString(), "-noout", "-text").output()).contains("prime256v1");
        assertThat(temp.toFile().list()).as("no temporary file is left").containsExactlyInAnyOrder("release.key", "release.pub");
    }

    @Test
    void shouldEncryptThePrivateKeyWithAPasswordFromStandardInput() throws Exception {
        String prefix = temp.resolve("signer").toString();

        CliRunner.Result keygen = cli().stdin(PASSWORD + "\n").run("keygen", "--output-key-prefix", prefix, "--password-stdin");

        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        Path privateKey = Path.of(prefix + ".key");
        String pem = Files.readString(privateKey);
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n").doesNotContain(PASSWORD);
        assertThat(keygen.out() + keygen.err()).doesNotContain(PASSWORD).doesNotContain("c0rrect");
        assertThat(openssl(Map.of("KEY_PASS", PASSWORD), "pkey", "-in", privateKey.toString(), "-passin", "env:KEY_PASS",
                "-pubout").output()).as("the line break is not part of the password")
                .isEqualTo(Files.readString(Path.of(prefix + ".pub")));
        Run wrong = run(Map.of("KEY_PASS", "wrong"), "openssl", "pkey", "-in", privateKey.toString(), "-passin", "env:KEY_PASS",
                "-pubout");
        assertThat(wrong.exitCode()).as("openssl refuses a wrong password").isNotZero();
    }

    @Test
    void shouldTakeThePasswordFromTheEnvironment() throws Exception {
        String prefix = temp.resolve("env").toString();

        CliRunner.Result keygen = cli().env("MODELKIT_KEY_PASSWORD", PASSWORD).run("keygen", "--output-key-prefix", prefix, "--json");

        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        assertThat(keygen.out()).doesNotContain(PASSWORD);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(keygen.out());
        assertThat(json.get("privateKey").asText()).isEqualTo(prefix + ".key");
        assertThat(json.get("publicKey").asText()).isEqualTo(prefix + ".pub");
        assertThat(json.get("format").asText()).isEqualTo("pkcs8");
        assertThat(json.get("encrypted").asBoolean()).isTrue();
        SigningKey key = KeyFiles.readPrivate(Path.of(prefix + ".key"), PASSWORD.toCharArray());
        assertThat(json.get("fingerprint").asText()).isEqualTo(key.fingerprint().toString())
                .isEqualTo(KeyFingerprint.of(KeyFiles.readPublic(Path.of(prefix + ".pub"))).toString());
        assertThat(openssl(Map.of("KEY_PASS", PASSWORD), "pkey", "-in", prefix + ".key", "-passin", "env:KEY_PASS",
                "-pubout").output()).isEqualTo(Files.readString(Path.of(prefix + ".pub")));
    }

    @Test
    void shouldWriteCosignsFormatWithAnEmptyPassword() throws Exception {
        String prefix = temp.resolve("cosign").toString();

        CliRunner.Result keygen = cli().env("MODELKIT_KEY_PASSWORD", "").run("keygen", "--output-key-prefix", prefix, "--cosign-format");

        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        Path privateKey = Path.of(prefix + ".key");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n");
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SigningKey key = KeyFiles.readPrivate(privateKey, new char[0]);
        assertThat(key.fingerprint()).isEqualTo(KeyFingerprint.of(KeyFiles.readPublic(Path.of(prefix + ".pub"))));
        assertThat(keygen.out()).endsWith("fingerprint " + key.fingerprint() + "\n");
    }

    @Test
    void shouldRefuseCosignsFormatWithoutAPassword() {
        String prefix = temp.resolve("cosign").toString();

        CliRunner.Result keygen = cli().run("keygen", "--output-key-prefix", prefix, "--cosign-format");

        assertThat(keygen.exitCode()).isEqualTo(1);
        assertThat(keygen.err()).isEqualTo("modelkit: error: --cosign-format needs a password (it may be empty): "
                + "use --password-stdin or set MODELKIT_KEY_PASSWORD\n");
        assertThat(temp.toFile().list()).isEmpty();
    }

    @Test
    void shouldRefuseToOverwriteAKeyWithoutForce() throws Exception {
        String prefix = temp.resolve("team").toString();
        CliRunner cli = cli();
        assertThat(cli.run("keygen", "--output-key-prefix", prefix).exitCode()).isZero();
        byte[] firstKey = Files.readAllBytes(Path.of(prefix + ".key"));
        byte[] firstPub = Files.readAllBytes(Path.of(prefix + ".pub"));

        CliRunner.Result again = cli.run("keygen", "--output-key-prefix", prefix);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("modelkit: error: " + prefix + ".key already exists: use --force to replace it\n");
        assertThat(Path.of(prefix + ".key")).hasBinaryContent(firstKey);
        assertThat(Path.of(prefix + ".pub")).hasBinaryContent(firstPub);

        Files.delete(Path.of(prefix + ".key"));
        CliRunner.Result publicOnly = cli.run("keygen", "--output-key-prefix", prefix);
        assertThat(publicOnly.exitCode()).isEqualTo(1);
        assertThat(publicOnly.err()).contains(prefix + ".pub already exists");
        assertThat(Path.of(prefix + ".key")).as("nothing is written when one file is in the way").doesNotExist();

        CliRunner.Result forced = cli.run("keygen", "--output-key-prefix", prefix, "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readAllBytes(Path.of(prefix + ".pub"))).isNotEqualTo(firstPub);
        assertThat(Files.getPosixFilePermissions(Path.of(prefix + ".key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void shouldNameAMissingDirectory() {
        Path prefix = temp.resolve("absent/dir/key");
        CliRunner.Result keygen = cli().run("keygen", "--output-key-prefix", prefix.toString());
        assertThat(keygen.exitCode()).isEqualTo(1);
        assertThat(keygen.err()).isEqualTo("modelkit: error: directory " + temp.resolve("absent/dir") + " for "
                + prefix + ".key does not exist\n");
    }

    @Test
    void shouldTakeNoPasswordOnTheCommandLine() {
        CliRunner.Result keygen = cli().run("keygen", "--password", PASSWORD);
        assertThat(keygen.exitCode()).isEqualTo(2);
        assertThat(temp.toFile().list()).isEmpty();
    }

    @Test
    void shouldDocumentBothWaysToGiveThePassword() {
        CliRunner.Result help = cli().run("keygen", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: modelkit keygen", "--password-stdin", "MODELKIT_KEY_PASSWORD", "0600",
                "--cosign-format", "--force", "Examples:",
                "  printf '%s' \"$KEY_PASSWORD\" | modelkit keygen --password-stdin\n");
    }

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    private static Run openssl(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Run result = run(env, command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    private static Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (env != null) {
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.toByteArray());
    }

    private record Run(int exitCode, byte[] bytes) {
        String output() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
