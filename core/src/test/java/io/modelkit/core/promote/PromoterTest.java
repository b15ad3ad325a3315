package io.modelkit.core.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.gate.Status;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.provenance.attest.AttestRequest;
import io.modelkit.core.provenance.attest.Attester;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.AttestationManifests;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.verify.AttestationResult;
import io.modelkit.core.provenance.verify.VerificationReport;
import io.modelkit.core.provenance.verify.Verifier;
import io.modelkit.core.provenance.verify.VerifyRequest;
import io.modelkit.core.registry.FaultProxy;
import io.modelkit.core.registry.LocalRegistry;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RetryPolicy;
import io.modelkit.core.registry.RegistryException;
import io.modelkit.core.store.LayoutStore;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Promotions between stages on two real registries: mounts, copies, referrers, records, refusals, rollback. */
class PromoterTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sentiment-classifier");
    private static final Instant BUILT = Instant.parse("2026-11-01T10:20:00Z");
    private static final String BUILDER = "https://jenkins.example.com/modelkit-pipeline/v1";

    @RegisterExtension
    static final LocalRegistry A = new LocalRegistry();
    @RegisterExtension
    static final LocalRegistry B = new LocalRegistry();

    @TempDir
    Path temp;

    private final SigningKey ci = KeyPairs.generate();
    private final SigningKey promoter = KeyPairs.generate();
    private String line;
    private Stages stages;
    private Promoter promoting;
    private Digest v1;
    private Digest v2;

    @BeforeEach
    void setUp() throws Exception {
        line = "ml/" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(temp.resolve("prod.yaml"), """
                version: 1
                rules:
                  - name: signed-by-ci
                    kind: provenance
                    keys: ['%s']
                  - name: no-overwrite
                    kind: registry
                """.formatted(ci.fingerprint()));
        Files.writeString(temp.resolve("stages.yaml"), """
                stages:
                  - name: dev
                    repository: %1$s/%3$s-dev
                  - name: staging
                    repository: %1$s/%3$s-staging
                    from: dev
                  - name: prod
                    repository: %2$s/%3$s
                    policy: prod.yaml
                    from: staging
                    tags: [champion]
                """.formatted(A.host(), B.host(), line));
        stages = StagesReader.read(temp.resolve("stages.yaml"));
        promoting = new Promoter(stages, r -> client(r.registry()), 4, ProgressListener.NONE);
        v1 = push("1.4.0", BUILT, true);
        v2 = push("1.5.0", BUILT.plusSeconds(3600), false);
    }

    private static RegistryClient client(String host) {
        return RegistryClient.builder(host).build();
    }

    /** Packs the example into dev:TAG (a different created time makes a different digest), signed if asked. */
    private Digest push(String tag, Instant created, boolean signed) {
        return push(EXAMPLE, tag, created, signed);
    }

    private Digest push(Path project, String tag, Instant created, boolean signed) {
        Path dir = temp.resolve("layout-" + tag);
        LayoutReference name = LayoutReference.of(dir, tag);
        Packer.pack(PackRequest.builder(project).created(created).target(name).build(), LayoutStore.open(dir));
        RegistryEndpoint dev = new RegistryEndpoint(client(A.host()), Reference.parse(dev(tag)));
        Descriptor pushed = new Copier(4, ProgressListener.NONE).copy(new StoreEndpoint(LayoutStore.open(dir), name), dev)
                .manifest();
        if (signed) {
            Attester.attest(AttestRequest.builder(ci, A.host() + "/" + line + "-dev", BUILDER).kitfile("Kitfile")
                    .target(dev(tag)).finishedOn(created).created(created).build(),
                    dev, new RegistryAttestationStore(client(A.host()), line + "-dev"));
        }
        return pushed.digest();
    }

    private String dev(String tag) {
        return A.host() + "/" + line + "-dev:" + tag;
    }

    private String staging(String tag) {
        return A.host() + "/" + line + "-staging:" + tag;
    }

    private PromotionRequest.Builder request(String source, String stage, int minute) {
        return PromotionRequest.builder(source, stage).trustedKeys(List.of(ci.publicKey()))
                .env(Map.of("USER", "alice", "BUILD_URL", "https://ci.example.com/job/fraud/7/"))
                .now(BUILT.plusSeconds(86_400 + minute * 60L));
    }

    private static List<String> tags(LocalRegistry registry, String repository) {
        try {
            return client(registry.host()).listTags(repository);
        } catch (RegistryException e) {
            assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
            return List.of();
        }
    }

    private static Optional<Digest> tag(LocalRegistry registry, String repository, String tag) {
        return client(registry.host()).headManifest(repository, tag).map(Descriptor::digest);
    }

    @Test
    void shouldMountWithinOneRegistryTagAndRecord() {
        PromotionResult result = promoting.promote(request(dev("1.4.0"), "staging", 0).build());

        assertThat(result.outcome()).isEqualTo(PromotionResult.Outcome.PROMOTED);
        assertThat(result.digest()).isEqualTo(v1);
        assertThat(result.copy().blobsMounted()).isPositive();
        assertThat(result.copy().blobsCopied()).isZero();
        assertThat(result.copy().bytesCopied()).isZero();
        assertThat(result.tags()).containsExactly("1.4.0", "staging");
        assertThat(tag(A, line + "-staging", "1.4.0")).contains(v1);
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);
        assertThat(result.referrersCopied()).isEqualTo(2); // the bundle referrer and the legacy .att image

        assertThat(promoting.history("staging")).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo("promotion");
            assertThat(record.source()).isEqualTo(A.host() + "/" + line + "-dev@" + v1);
            assertThat(record.target()).isEqualTo(A.host() + "/" + line + "-staging");
            assertThat(record.tags()).containsExactly("1.4.0", "staging");
            assertThat(record.promotedBy()).isEqualTo("alice");
            assertThat(record.buildUrl()).isEqualTo("https://ci.example.com/job/fraud/7/");
            assertThat(record.promotedAt()).isEqualTo(BUILT.plusSeconds(86_400));
            assertThat(record.gateReportDigest()).isNull();
        });

        PromotionResult again = promoting.promote(request(dev("1.4.0"), "staging", 5).build());
        assertThat(again.outcome()).isEqualTo(PromotionResult.Outcome.UNCHANGED);
        assertThat(promoting.history("staging")).hasSize(1);
    }

    @Test
    void shouldReadTheSourceTagOnceAndEverythingAfterByDigest() throws Exception {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        int port = Integer.parseInt(A.host().substring(A.host().lastIndexOf(':') + 1));
        try (FaultProxy proxy = new FaultProxy(port)) {
            // registry A only through the proxy, which lists every request
            Promoter watched = new Promoter(stages, r -> r.registry().equals(A.host())
                    ? RegistryClient.builder(proxy.host()).plainHttp(true).build() : client(r.registry()), 4, ProgressListener.NONE);

            PromotionResult result = watched.promote(request(staging("1.4.0"), "prod", 1).build());

            assertThat(result.outcome()).as("the gate ran and passed").isEqualTo(PromotionResult.Outcome.PROMOTED);
            assertThat(result.gate()).isNotNull();
            assertThat(proxy.requests()).as("the tag is resolved once; the gate, the copy and the referrers use the digest")
                    .filteredOn(request -> request.contains("/" + line + "-staging/manifests/1.4.0")).hasSize(1);
            assertThat(proxy.requests()).filteredOn(request -> request.contains("/" + line + "-staging/manifests/" + v1)).isNotEmpty();
        }
    }

    @Test
    void shouldCopyAcrossRegistriesWithProvenanceThatStillVerifiesAndASignedRecord() {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());

        PromotionResult result = promoting.promote(request(staging("1.4.0"), "prod", 1).key(promoter).build());

        assertThat(result.outcome()).isEqualTo(PromotionResult.Outcome.PROMOTED);
        assertThat(result.gate().outcome()).isEqualTo(Status.PASS);
        assertThat(result.copy().blobsCopied()).isPositive();
        assertThat(result.copy().bytesCopied()).isPositive();
        assertThat(result.tags()).containsExactly("1.4.0", "prod", "champion");
        for (String t : result.tags()) {
            assertThat(tag(B, line, t)).as(t).contains(v1);
        }
        assertThat(tag(B, line, AttestationManifests.legacyTag(v1))).isPresent();

        RegistryClient target = client(B.host());
        VerificationReport report = Verifier.verify(VerifyRequest.builder(List.of(ci.publicKey())).build(),
                new RegistryEndpoint(target, Reference.of(B.host(), line, v1)), new RegistryAttestationStore(target, line),
                ProgressListener.NONE);
        assertThat(report.passed()).isTrue();
        // the bundle referrer and the .att image came along; the promotion record is signed by another key
        assertThat(report.attestations()).hasSize(3);
        assertThat(report.attestations()).filteredOn(AttestationResult::passed).extracting(AttestationResult::origin)
                .hasSize(2).anyMatch(origin -> origin.endsWith(".att layer 1"));

        // the signed record is a bundle referrer of the promoted digest, signed by the promoter's key
        var signed = io.modelkit.core.gate.VerifiedAttestation.find(new RegistryAttestationStore(target, line),
                target.headManifest(line, "prod").orElseThrow(), List.of(promoter.publicKey()));
        assertThat(signed).singleElement().satisfies(found -> {
            assertThat(found.statement().predicateType()).isEqualTo(PromotionRecord.PREDICATE_TYPE);
            assertThat(found.statement().predicate().path("gate").path("reportDigest").asText())
                    .isEqualTo(result.written().gateReportDigest().toString()).startsWith("sha256:");
            assertThat(found.statement().predicate().path("source").asText()).isEqualTo(A.host() + "/" + line
                    + "-staging@" + v1);
        });
        // the staging stage's record stayed behind: prod's history is prod's own
        assertThat(promoting.history("prod")).extracting(PromotionRecord::stage).containsExactly("prod");
    }

    @Test
    void shouldRefuseToMoveATagHoldingAnotherDigestUnlessForced() {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());

        assertThatThrownBy(() -> promoting.promote(request(dev("1.5.0"), "staging", 1).tag("1.4.0").build()))
                .isInstanceOf(ModelKitException.class)
                .hasMessage("tag " + staging("1.4.0") + " holds " + v1 + ", not " + v2 + "; promote with force to move it");
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);

        PromotionResult forced = promoting.promote(request(dev("1.5.0"), "staging", 2).tag("1.4.0").force(true).build());
        assertThat(forced.written().forced()).isTrue();
        assertThat(tag(A, line + "-staging", "1.4.0")).contains(v2);
    }

    @Test
    void shouldChangeNothingOnADryRunOrAFailedGate() {
        promoting.promote(request(dev("1.5.0"), "staging", 0).build());

        PromotionResult failed = promoting.promote(request(staging("1.5.0"), "prod", 1).build());
        assertThat(failed.outcome()).isEqualTo(PromotionResult.Outcome.GATE_FAILED);
        assertThat(failed.gate().results().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(tags(B, line)).isEmpty();

        promoting.promote(request(dev("1.4.0"), "staging", 2).build());
        PromotionResult dry = promoting.promote(request(staging("1.4.0"), "prod", 3).dryRun(true).build());
        assertThat(dry.outcome()).isEqualTo(PromotionResult.Outcome.DRY_RUN);
        assertThat(dry.gate().outcome()).isEqualTo(Status.PASS);
        assertThat(tags(B, line)).isEmpty();
        assertThat(client(B.host()).headManifest(line, v1.toString())).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownStageAndAWrongFromStage() {
        assertThatThrownBy(() -> promoting.promote(request(dev("1.4.0"), "qa", 0).build()))
                .hasMessage("unknown stage 'qa' in " + temp.resolve("stages.yaml") + " (stages: dev, staging, prod)");
        assertThatThrownBy(() -> promoting.promote(request(dev("1.4.0"), "prod", 0).build()))
                .hasMessage("stage 'prod' is promoted from stage 'staging' (" + A.host() + "/" + line
                        + "-staging), not from " + A.host() + "/" + line + "-dev");
        assertThat(tags(B, line)).isEmpty();
    }

    @Test
    void shouldRollBackToThePreviousVersionWithItsOwnRecordAndListHistoryNewestFirst() {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        promoting.promote(request(dev("1.5.0"), "staging", 1).build());

        // unsigned records: without trusted keys every record counts
        PromotionResult rolledBack = promoting.rollback("staging", null, request(staging("staging"), "staging", 2)
                .trustedKeys(List.of()).build());

        assertThat(rolledBack.digest()).isEqualTo(v1);
        assertThat(rolledBack.tags()).containsExactly("staging");
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);
        assertThat(tag(A, line + "-staging", "1.5.0")).contains(v2);
        assertThat(promoting.history("staging")).extracting(PromotionRecord::kind, PromotionRecord::digest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rollback", v1),
                        org.assertj.core.groups.Tuple.tuple("promotion", v2),
                        org.assertj.core.groups.Tuple.tuple("promotion", v1));

        PromotionResult forward = promoting.rollback("staging", "1.5.0", request(staging("staging"), "staging", 3)
                .trustedKeys(List.of()).build());
        assertThat(forward.digest()).isEqualTo(v2);
        assertThat(tag(A, line + "-staging", "staging")).contains(v2);
        assertThatThrownBy(() -> promoting.rollback("prod", null, request(staging("1.4.0"), "prod", 4).build()))
                .hasMessage("rollback of stage 'prod': it holds nothing to roll back from");
    }

    @Test
    void shouldCompleteTheTagsOfAnInterruptedPromotionWithoutASecondRecord() {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        // a run that died after writing its record: the record names the tags, none of them moved
        PromotionResult planned = promoting.promote(request(dev("1.5.0"), "staging", 1).dryRun(true).build());
        RegistryClient a = client(A.host());
        new Copier(1, ProgressListener.NONE).copy(new RegistryEndpoint(a, Reference.of(A.host(), line + "-dev", v2)),
                new RegistryEndpoint(a, Reference.of(A.host(), line + "-staging", v2)));
        new PromotionRecords(a, line + "-staging").write(planned.written(),
                a.headManifest(line + "-staging", v2.toString()).orElseThrow(), null);
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);

        PromotionResult rerun = promoting.promote(request(dev("1.5.0"), "staging", 9).build());

        assertThat(rerun.outcome()).isEqualTo(PromotionResult.Outcome.PROMOTED);
        assertThat(rerun.record()).isNull();
        assertThat(rerun.written().promotedAt()).isEqualTo(planned.written().promotedAt());
        assertThat(tag(A, line + "-staging", "staging")).contains(v2);
        assertThat(promoting.history("staging")).extracting(PromotionRecord::digest).containsExactly(v2, v1);
    }

    /** A promoter whose requests to registry A go through {@code proxy} (plain http: it does not answer a TLS probe). */
    private Promoter through(TagRejectingProxy proxy) {
        return new Promoter(stages, r -> r.registry().equals(A.host())
                ? RegistryClient.builder(proxy.host()).plainHttp(true)
                        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100))).build()
                : client(r.registry()), 4, ProgressListener.NONE);
    }

    @Test
    void shouldDeleteTheRecordAndMoveNoTagWhenTheRegistryRefusesTheStageTag() throws Exception {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        try (TagRejectingProxy proxy = new TagRejectingProxy(A.host())) {
            proxy.refuse(reference -> reference.equals("staging"), 403, "DENIED", "tag staging is immutable");

            assertThatThrownBy(() -> through(proxy).promote(request(dev("1.5.0"), "staging", 1).build()))
                    .isInstanceOf(ModelKitException.class)
                    .hasMessageMatching("promotion to stage 'staging': registry " + proxy.host().replace(".", "\\.")
                            + " refused tag 'staging' of repository " + line + "-staging \\(DENIED, HTTP 403: tag staging"
                            + " is immutable\\); no tag moved and the record sha256:[0-9a-f]{64} was deleted");
        }
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);
        assertThat(tag(A, line + "-staging", "1.5.0")).isEmpty();
        // neither the record nor its fallback index entry is left: the staging repository lists no referrer of 1.5.0
        assertThat(client(A.host()).referrers(line + "-staging", v2, null)).isEmpty();
        assertThat(promoting.history("staging")).extracting(PromotionRecord::digest).containsExactly(v1);

        // the registry accepts the tag again: the same promotion goes through with one record
        assertThat(promoting.promote(request(dev("1.5.0"), "staging", 2).build()).outcome())
                .isEqualTo(PromotionResult.Outcome.PROMOTED);
        assertThat(promoting.history("staging")).extracting(PromotionRecord::digest).containsExactly(v2, v1);
    }

    @Test
    void shouldKeepTheRecordWhenATagIsNotConfirmedAndCompleteItOnARerun() throws Exception {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        try (TagRejectingProxy proxy = new TagRejectingProxy(A.host())) {
            proxy.refuse(reference -> reference.equals("staging"), 503, "UNAVAILABLE", "storage is busy");

            assertThatThrownBy(() -> through(proxy).promote(request(dev("1.5.0"), "staging", 1).build()))
                    .isInstanceOf(ModelKitException.class)
                    .hasMessageContaining("promotion to stage 'staging': tag 'staging' of " + A.host() + "/" + line
                            + "-staging was not confirmed (")
                    .hasMessageEndingWith("the record stays, and running the same promotion again moves the remaining tags");
        }
        assertThat(client(A.host()).referrers(line + "-staging", v2, null)).as("the record stays").isNotEmpty();

        PromotionResult rerun = promoting.promote(request(dev("1.5.0"), "staging", 2).build());

        assertThat(rerun.outcome()).isEqualTo(PromotionResult.Outcome.PROMOTED);
        assertThat(rerun.record()).as("no second record").isNull();
        assertThat(tag(A, line + "-staging", "staging")).contains(v2);
        assertThat(promoting.history("staging")).extracting(PromotionRecord::digest).containsExactly(v2, v1);
    }

    @Test
    void shouldRefuseAMalformedTagBeforeAnyRequest() {
        assertThatThrownBy(() -> promoting.promote(request(dev("1.4.0"), "staging", 0).tag("a/../b").build()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith("tag 'a/../b' is not valid");
        assertThat(tags(A, line + "-staging")).isEmpty();
    }

    @Test
    void shouldPutBackATagMovedBeforeTheRefusalAndDeleteTheRecordItsDigestWasGone() throws Exception {
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());
        String message;
        try (TagRejectingProxy proxy = new TagRejectingProxy(A.host())) {
            proxy.refuse(reference -> reference.equals("staging"), 400, "TAG_INVALID", "tag policy");
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> through(proxy)
                    .promote(request(dev("1.5.0"), "staging", 1).tag("1.4.0").force(true).build()));
            message = thrown.getMessage();
            assertThat(message).startsWith("promotion to stage 'staging': registry " + proxy.host()
                    + " refused tag 'staging' of repository " + line + "-staging (TAG_INVALID, HTTP 400: tag policy);"
                    + " put back 1.4.0; no tag moved and the record sha256:");
        }
        assertThat(tag(A, line + "-staging", "1.4.0")).contains(v1);
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);
        Digest record = Digest.parse(message.substring(message.indexOf("record ") + 7, message.indexOf(" was deleted")));
        assertThat(client(A.host()).headManifest(line + "-staging", record.toString())).isEmpty();
        assertThat(client(A.host()).referrers(line + "-staging", v2, null)).isEmpty();
    }

    @Test
    void shouldMoveNoTagWhenTheRecordCannotBeWritten() throws Exception {
        try (TagRejectingProxy proxy = new TagRejectingProxy(A.host())) {
            // every tag refused, the record's fallback referrers index (tag sha256-<hex>) too; digests are accepted
            proxy.refuse(reference -> !reference.startsWith("sha256:"), 403, "DENIED", "tags are immutable");

            assertThatThrownBy(() -> through(proxy).promote(request(dev("1.5.0"), "staging", 0).build()))
                    .isInstanceOf(ModelKitException.class)
                    .hasMessage("promotion to stage 'staging': cannot write the record, no tag was moved: " + proxy.host()
                            + "/" + line + "-staging:sha256-" + v2.hex() + ": tags are immutable (DENIED, HTTP 403)");
        }
        assertThat(tags(A, line + "-staging")).isEmpty();
        assertThat(promoting.history("staging")).isEmpty();
    }

    @Test
    void shouldChooseTheRollbackTargetOnlyFromRecordsATrustedKeySigned() {
        SigningKey stranger = KeyPairs.generate();
        PromotionResult first = promoting.promote(request(dev("1.4.0"), "staging", 0).key(stranger).build());
        promoting.promote(request(dev("1.5.0"), "staging", 1).key(promoter).build());
        String notTrusted = "rollback of stage 'staging': record " + first.record().digest() + " of " + v1
                + " is not signed by a trusted key, so it does not choose the rollback target; no trusted record names a"
                + " version to return to";

        assertThatThrownBy(() -> promoting.rollback("staging", null, request(staging("staging"), "staging", 2)
                .trustedKeys(List.of(promoter.publicKey())).build())).hasMessage(notTrusted);
        assertThatThrownBy(() -> promoting.rollback("staging", "1.4.0", request(staging("staging"), "staging", 2)
                .trustedKeys(List.of(promoter.publicKey())).build())).hasMessage(notTrusted);
        assertThat(tag(A, line + "-staging", "staging")).contains(v2);
        assertThat(promoting.history("staging")).hasSize(2);

        PromotionResult trusted = promoting.rollback("staging", null, request(staging("staging"), "staging", 3)
                .trustedKeys(List.of(promoter.publicKey(), stranger.publicKey())).build());
        assertThat(trusted.digest()).isEqualTo(v1);
        assertThat(tag(A, line + "-staging", "staging")).contains(v1);
    }

    @Test
    void shouldShowWhatEachStageHoldsAndHowItDiffersFromTheStageBefore() throws Exception {
        // dev holds 1.5.0: two hyperparameters and the code changed
        Path changed = temp.resolve("changed");
        try (var files = Files.walk(EXAMPLE)) {
            for (Path file : files.toList()) {
                Path copy = changed.resolve(EXAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        String kitfile = Files.readString(changed.resolve("Kitfile"));
        Files.writeString(changed.resolve("Kitfile"), kitfile.replace("  version: 1.4.0\n  description: Three",
                "  version: 1.5.0\n  description: Three").replace("learning_rate: 0.05", "learning_rate: 0.01")
                .replace("epochs: 40", "epochs: 60"));
        Files.writeString(changed.resolve("src/train.py"), "# retrained\n", java.nio.file.StandardOpenOption.APPEND);
        Digest next = push(changed, "dev", BUILT.plusSeconds(7200), false);
        promoting.promote(request(dev("1.4.0"), "staging", 0).build());

        List<StageStatus> status = promoting.status();

        assertThat(status).extracting(s -> s.stage().name(), StageStatus::digest, StageStatus::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dev", next, "1.5.0"),
                org.assertj.core.groups.Tuple.tuple("staging", v1, "1.4.0"),
                org.assertj.core.groups.Tuple.tuple("prod", null, null));
        assertThat(status.get(0).fromStage()).isNull();
        assertThat(status.get(1).fromStage()).isEqualTo(new StageDifference("dev", next, "1.5.0", false, 2, 1));
        assertThat(status.get(2).fromStage()).isNull(); // prod holds nothing

        promoting.promote(request(dev("dev"), "staging", 1).tag("1.5.0").build());
        assertThat(promoting.status().get(1).fromStage()).isEqualTo(new StageDifference("dev", next, "1.5.0", true, 0, 0));
    }
}
