package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code modelkit promote}, {@code rollback}, {@code history}, {@code status} against a real registry. */
class PromoteCliTest {
    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path ciPrivate;
    private Path ciPublic;
    private Path stages;
    private String dev;

    @BeforeEach
    void setUp() throws Exception {
        SigningKey ci = KeyPairs.generate();
        ciPrivate = Files.write(temp.resolve("ci.key"), KeyFiles.privatePem(ci.privateKey(), PASSWORD.toCharArray()));
        ciPublic = Files.write(temp.resolve("ci.pub"), KeyFiles.publicPem(ci.publicKey()));
        cli = new CliRunner(temp.resolve("home")).env("MODELKIT_KEY_PASSWORD", PASSWORD).env("USER", "bob")
                .env("GIT_URL", "https://git.example.com/ml/sentiment.git").env("GIT_BRANCH", "main")
                .env("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        String line = REGISTRY.host() + "/ml/p-" + temp.getFileName();
        Files.writeString(temp.resolve("prod.yaml"), """
                version: 1
                rules:
                  - name: signed-by-ci
                    kind: provenance
                    keys: ['%s']
                """.formatted(ci.fingerprint()));
        stages = Files.writeString(temp.resolve("stages.yaml"), """
                stages:
                  - name: dev
                    repository: %1$s-dev
                  - name: prod
                    repository: %1$s
                    policy: prod.yaml
                    from: dev
                    tags: [champion]
                """.formatted(line));
        dev = line + "-dev:1.4.0";
        Path project = Contexts.copyOfExample(temp.resolve("project"));
        assertThat(cli.run("pack", project.toString(), "-t", dev, "--push").exitCode()).isZero();
    }

    @Test
    void shouldExitThreeOnAFailedGateThenPromoteOnceSignedAndShowHistoryAndStatus() {
        CliRunner.Result failed = cli.run("promote", dev, "--to", "prod", "--stages", stages.toString(),
                "--trusted-key", ciPublic.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.err()).contains("gate of stage 'prod' failed for " + dev + ": nothing changed");
        assertThat(cli.run("status", "--stages", stages.toString()).out()).contains("prod  ").contains("(empty)");

        assertThat(cli.run("attest", dev, "-r", "--key", ciPrivate.toString()).exitCode()).isZero();
        CliRunner.Result promoted = cli.run("promote", dev, "--to", "prod", "--stages", stages.toString(),
                "--trusted-key", ciPublic.toString(), "--key", ciPrivate.toString());
        assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
        assertThat(promoted.out()).contains("PASS").contains("mounted").contains("as 1.4.0, prod, champion; record sha256:");

        CliRunner.Result again = cli.run("promote", dev, "--to", "prod", "--stages", stages.toString(),
                "--trusted-key", ciPublic.toString());
        assertThat(again.out()).contains("Stage 'prod' already holds sha256:");

        CliRunner.Result history = cli.run("history", "prod", "--stages", stages.toString());
        assertThat(history.exitCode()).isZero();
        assertThat(history.out().lines()).singleElement().asString().contains("  promotion  prod  sha256:")
                .contains("[1.4.0, prod, champion]  by bob");
        CliRunner.Result status = cli.run("status", "--stages", stages.toString());
        assertThat(status.out()).containsPattern("prod  \\S+:prod  sha256:[0-9a-f]{64}  1\\.4\\.0");
        assertThat(status.out()).contains("  from dev: nothing to compare, dev holds nothing");

        // the first stage takes any source: dev's own tag now names the version prod holds
        assertThat(cli.run("promote", dev, "--to", "dev", "--stages", stages.toString()).exitCode()).isZero();
        CliRunner.Result same = cli.run("status", "--stages", stages.toString());
        assertThat(same.out().lines()).containsSubsequence("dev  " + dev.replace(":1.4.0", ":dev") + "  "
                + digestOf(history.out()) + "  1.4.0", "prod  " + dev.replace("-dev:1.4.0", ":prod") + "  "
                + digestOf(history.out()) + "  1.4.0", "  from dev: same digest");
        CliRunner.Result json = cli.run("status", "--stages", stages.toString(), "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"name\" : \"prod\"").contains("\"from\" : \"dev\"")
                .contains("\"sameDigest\" : true").contains("\"hyperparametersChanged\" : 0")
                .contains("\"version\" : \"1.4.0\"");

        // the only record of prod is signed by the CI key: with another trusted key it chooses nothing
        Path stranger = temp.resolve("stranger.pub");
        assertThat(cli.run("rollback", "prod", "--stages", stages.toString(), "--trusted-key", ciPublic.toString())
                .err()).contains("rollback of stage 'prod': its records name no version before " + digestOf(history.out()));
        try {
            Files.write(stranger, KeyFiles.publicPem(KeyPairs.generate().publicKey()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRunner.Result untrusted = cli.run("rollback", "prod", "--to", "1.4.0", "--stages", stages.toString(),
                "--trusted-key", stranger.toString());
        assertThat(untrusted.exitCode()).isEqualTo(1);
        assertThat(untrusted.err()).containsPattern("rollback of stage 'prod': record sha256:[0-9a-f]{64} of "
                + digestOf(history.out()) + " is not signed by a trusted key");
    }

    /** The digest a history line names. */
    private static String digestOf(String historyLine) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}").matcher(historyLine);
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    @Test
    void shouldExitOneNamingTheStageOrReference() {
        CliRunner.Result unknown = cli.run("promote", dev, "--to", "qa", "--stages", stages.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown stage 'qa' in " + stages + " (stages: dev, prod)");

        CliRunner.Result rollback = cli.run("rollback", "prod", "--stages", stages.toString());
        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.err()).contains("rollback of stage 'prod': it holds nothing to roll back from");
    }
}
