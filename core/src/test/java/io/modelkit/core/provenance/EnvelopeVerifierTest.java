package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeVerifierTest {
    private static final String DIGEST = "ab".repeat(32);
    private static final byte[] STATEMENT = ("{\"_type\":\"https://in-toto.io/Statement/v1\","
            + "\"subject\":[{\"name\":\"registry.example.com/ml/model\",\"digest\":{\"sha256\":\"" + DIGEST + "\"}}],"
            + "\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{}}").getBytes(StandardCharsets.UTF_8);

    private final KeyPair signer = p256();
    private final KeyPair other = p256();

    @Test
    void shouldVerifyWhatItSignsAndSayWhichKeyVerified() {
        Envelope envelope = new EnvelopeSigner(signer.getPrivate()).sign(Statement.parse(STATEMENT));

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(other.getPublic(), signer.getPublic()).verifyInToto(envelope);

        assertThat(verified.key()).isEqualTo(signer.getPublic());
        assertThat(verified.keyFingerprint()).isEqualTo(Digest.sha256(signer.getPublic().getEncoded()));
        assertThat(verified.signatureIndex()).isZero();
        assertThat(verified.payload()).isEqualTo(STATEMENT);
        assertThat(verified.statement().hasSubject(new Digest("sha256", DIGEST))).isTrue();
        assertThat(envelope.payloadType()).isEqualTo("application/vnd.in-toto+json");
        assertThat(envelope.signatures()).hasSize(1);
        assertThat(envelope.signatures().get(0).keyid()).isEmpty();
        assertThat(envelope.signatures().get(0).sig()[0]).as("ASN.1 DER SEQUENCE").isEqualTo((byte) 0x30);
    }

    @Test
    void shouldSurviveTheJsonRoundTrip() {
        Envelope envelope = new EnvelopeSigner(signer.getPrivate(), "hint").sign(Statement.PAYLOAD_TYPE, STATEMENT);

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(signer.getPublic()).verifyInToto(Envelope.parse(envelope.toJson()));

        assertThat(verified.payload()).isEqualTo(STATEMENT);
        assertThat(verified.envelope().signatures().get(0).keyid()).isEqualTo("hint");
    }

    @Test
    void shouldActOnTheExactPayloadBytes() {
        // Same JSON value, different bytes: a verifier that re-serialized would accept this.
        byte[] spaced = new String(STATEMENT, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        Envelope envelope = new EnvelopeSigner(signer.getPrivate()).sign(Statement.PAYLOAD_TYPE, spaced);

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(signer.getPublic()).verifyInToto(envelope);

        assertThat(verified.payload()).isEqualTo(spaced);
        assertThat(verified.statement().bytes()).isEqualTo(spaced);
        Envelope swapped = new Envelope(envelope.payloadType(), STATEMENT, envelope.signatures());
        assertThatThrownBy(() -> EnvelopeVerifier.trusting(signer.getPublic()).verifyInToto(swapped))
                .isInstanceOf(ModelKitException.class);
    }

    @Test
    void shouldRejectATamperedPayload() {
        Envelope envelope = new EnvelopeSigner(signer.getPrivate()).sign(Statement.PAYLOAD_TYPE, STATEMENT);
        byte[] tampered = envelope.payload();
        tampered[tampered.length - 2] = ' ';

        assertThatThrownBy(() -> EnvelopeVerifier.trusting(signer.getPublic())
                .verifyInToto(new Envelope(envelope.payloadType(), tampered, envelope.signatures())))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("DSSE envelope: none of its 1 signature(s) verifies with any of the 1 trusted key(s) "
                        + "(payloadType 'application/vnd.in-toto+json', payload " + STATEMENT.length + " bytes)");
    }

    @Test
    void shouldRejectATamperedSignature() {
        Envelope envelope = new EnvelopeSigner(signer.getPrivate()).sign(Statement.PAYLOAD_TYPE, STATEMENT);
        byte[] sig = envelope.signatures().get(0).sig();
        sig[sig.length - 1] ^= 1;
        byte[] garbage = {0x30, 0x02, 0x01};

        for (byte[] bad : List.of(sig, garbage, new byte[64])) {
            Envelope tampered = new Envelope(envelope.payloadType(), STATEMENT, List.of(EnvelopeSignature.of(bad)));
            assertThatThrownBy(() -> EnvelopeVerifier.trusting(signer.getPublic()).verifyInToto(tampered))
                    .isInstanceOf(ModelKitException.class)
                    .hasMessageStartingWith("DSSE envelope: none of its 1 signature(s) verifies");
        }
    }

    @Test
    void shouldRequireThePayloadTypeExactly() {
        Envelope envelope = new EnvelopeSigner(signer.getPrivate()).sign("application/vnd.in-toto.provenance+json", STATEMENT);
        EnvelopeVerifier verifier = EnvelopeVerifier.trusting(signer.getPublic());

        assertThatThrownBy(() -> verifier.verifyInToto(envelope))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("DSSE envelope: payloadType 'application/vnd.in-toto.provenance+json' is not the expected "
                        + "'application/vnd.in-toto+json'");
        assertThat(verifier.verify(envelope, "application/vnd.in-toto.provenance+json").signatureIndex()).isZero();
        // The type is signed: relabelling an envelope breaks its signature.
        Envelope relabelled = new Envelope(Statement.PAYLOAD_TYPE, STATEMENT, envelope.signatures());
        assertThatThrownBy(() -> verifier.verifyInToto(relabelled))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("DSSE envelope: none of its 1 signature(s) verifies");
        assertThatThrownBy(() -> verifier.verify(envelope, "text/plain").statement())
                .hasMessageContaining("payloadType 'application/vnd.in-toto.provenance+json' is not the expected 'text/plain'");
    }

    @Test
    void shouldRejectAnUntrustedKeyWhateverTheKeyidSays() {
        String trustedHint = Base64.getEncoder().encodeToString(Digest.sha256(other.getPublic().getEncoded()).hex().getBytes(StandardCharsets.UTF_8));
        Envelope envelope = new EnvelopeSigner(signer.getPrivate(), trustedHint).sign(Statement.PAYLOAD_TYPE, STATEMENT);

        assertThatThrownBy(() -> EnvelopeVerifier.trusting(other.getPublic()).verifyInToto(envelope))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("DSSE envelope: none of its 1 signature(s) verifies with any of the 1 trusted key(s)");
    }

    @Test
    void shouldAcceptP1363SignaturesAndFindTheSignatureThatVerifies() throws GeneralSecurityException {
        Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
        p1363.initSign(signer.getPrivate());
        p1363.update(Pae.encode(Statement.PAYLOAD_TYPE, STATEMENT));
        byte[] raw = p1363.sign();
        Envelope foreign = new EnvelopeSigner(other.getPrivate()).sign(Statement.PAYLOAD_TYPE, STATEMENT);
        Envelope envelope = new Envelope(Statement.PAYLOAD_TYPE, STATEMENT,
                List.of(foreign.signatures().get(0), EnvelopeSignature.of(raw)));

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(signer.getPublic()).verifyInToto(envelope);

        assertThat(raw).hasSize(64);
        assertThat(verified.signatureIndex()).isEqualTo(1);
        assertThat(verified.key()).isEqualTo(signer.getPublic());
    }

    @Test
    void shouldVerifyAnEnvelopeWrittenWithUrlSafeBase64() {
        Envelope signed = new EnvelopeSigner(signer.getPrivate()).sign(Statement.PAYLOAD_TYPE, STATEMENT);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String json = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"" + url.encodeToString(STATEMENT)
                + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"" + url.encodeToString(signed.signatures().get(0).sig()) + "\"}]}";

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(signer.getPublic())
                .verifyInToto(Envelope.parse(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(verified.payload()).isEqualTo(STATEMENT);
    }

    @Test
    void shouldVerifyAnEnvelopeSignedByOpenssl(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Path pae = dir.resolve("pae.bin");
        Path sig = dir.resolve("sig.bin");
        Path pub = dir.resolve("pub.der");
        Files.write(pae, Pae.encode(Statement.PAYLOAD_TYPE, STATEMENT));
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        openssl(dir, "dgst", "-sha256", "-sign", key.toString(), "-out", sig.toString(), pae.toString());
        openssl(dir, "pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", pub.toString());
        PublicKey opensslKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
        Base64.Encoder std = Base64.getEncoder();
        String json = "{\"payload\":\"" + std.encodeToString(STATEMENT) + "\",\"payloadType\":\"application/vnd.in-toto+json\","
                + "\"signatures\":[{\"sig\":\"" + std.encodeToString(Files.readAllBytes(sig)) + "\"}]}";

        VerifiedEnvelope verified = EnvelopeVerifier.trusting(signer.getPublic(), opensslKey)
                .verifyInToto(Envelope.parse(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(verified.key()).isEqualTo(opensslKey);
        assertThat(verified.statement().subjects().get(0).name()).isEqualTo("registry.example.com/ml/model");
        assertThat(Envelope.parse(json.getBytes(StandardCharsets.UTF_8)).toJson())
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseKeysItCannotUse() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaPair = rsa.generateKeyPair();

        assertThatThrownBy(() -> new EnvelopeSigner(rsaPair.getPrivate()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("signing key: expected an EC (ECDSA) private key, got RSA");
        assertThatThrownBy(() -> EnvelopeVerifier.trusting(rsaPair.getPublic()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("trusted key " + Digest.sha256(rsaPair.getPublic().getEncoded()) + ": expected an EC (ECDSA) public key, got RSA");
        assertThatThrownBy(() -> new EnvelopeVerifier(List.of()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("DSSE verification needs at least one trusted public key");
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finishes").isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", args[0], output).isZero();
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
