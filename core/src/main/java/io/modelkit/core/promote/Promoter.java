package io.modelkit.core.promote;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.diff.ModelKitDiffResult;
import io.modelkit.core.gate.Gate;
import io.modelkit.core.gate.GateInput;
import io.modelkit.core.gate.GateReport;
import io.modelkit.core.gate.GateReports;
import io.modelkit.core.gate.PolicyReader;
import io.modelkit.core.gate.Status;
import io.modelkit.core.gate.VerifiedAttestation;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.oci.AttestationManifests;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RegistryException;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.ManifestBytes;
import io.modelkit.core.transfer.RegistryEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Moves a ModelKit from one stage to the next by digest: gate, copy (mounted within a registry),
 * referrers and cosign images along, record, tags.
 *
 * <p>The record is written before any tag moves and names the tags it is about to move. A process that
 * dies in between leaves a record whose tags do not hold its digest yet; the rerun of the same
 * promotion finds that record (it is newer than anything the stage holds), writes no second one and
 * moves the tags. A tag never moves without a record, so the stage never holds a version nobody
 * recorded. A registry that refuses a tag (immutable tags) gets the tags moved so far put back and the
 * record deleted, see {@link TagRefusal}.
 */
public final class Promoter {
    private final Stages stages;
    private final Function<Reference, RegistryClient> clients;
    private final Copier copier;

    public Promoter(Stages stages, Function<Reference, RegistryClient> clients, int concurrency, ProgressListener listener) {
        this.stages = stages;
        this.clients = clients;
        this.copier = new Copier(concurrency, listener);
    }

    public PromotionResult promote(PromotionRequest request) {
        Stage stage = stages.stage(request.stage());
        Reference source = Reference.parse(request.source());
        if (source.hasDefaultRegistry()) {
            throw new ModelKitException("promote " + request.source() + ": name the registry the ModelKit is in");
        }
        if (stage.from() != null) {
            Stage from = stages.stage(stage.from());
            if (!from.registry().equals(source.registry()) || !from.repository().equals(source.repository())) {
                throw new ModelKitException("stage '" + stage.name() + "' is promoted from stage '" + from.name() + "' ("
                        + from.location() + "), not from " + source.registry() + "/" + source.repository());
            }
        }
        RegistryClient sourceClient = clients.apply(source);
        RegistryClient targetClient = clients.apply(stage.reference(stage.stageTag()));

        // resolved once: everything below reads and writes this digest, never the tag again
        ManifestBytes manifest = new RegistryEndpoint(sourceClient, source).manifest();
        Digest digest = manifest.digest();
        if (source.isDigest() && !source.digest().equals(digest)) {
            throw new ModelKitException(source + ": the registry served a manifest of digest " + digest);
        }
        Reference pinned = Reference.of(source.registry(), source.repository(), digest);
        String versionTag = request.tag() != null ? request.tag() : source.tag();
        if (versionTag != null) {
            stage.reference(versionTag); // a malformed tag is an error before any request, not a broken URL
        }
        List<String> tags = new ArrayList<>();
        if (versionTag != null) {
            tags.add(versionTag);
        }
        stage.movingTags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);

        Digest heldByVersionTag = versionTag == null ? null : head(targetClient, stage, versionTag);
        if (heldByVersionTag != null && !heldByVersionTag.equals(digest) && !request.force()) {
            throw new ModelKitException("tag " + stage.reference(versionTag) + " holds " + heldByVersionTag + ", not "
                    + digest + "; promote with force to move it");
        }
        Digest current = head(targetClient, stage, stage.stageTag());

        GateReport report = null;
        if (stage.policy() != null) {
            report = gate(request, stage, sourceClient, targetClient, pinned, digest, current, versionTag, heldByVersionTag);
            if (report.outcome() == Status.FAIL) {
                return new PromotionResult(PromotionResult.Outcome.GATE_FAILED, stage.name(), digest, tags, report,
                        null, 0, null, null);
            }
        }
        PromotionRecord record = new PromotionRecord(PromotionRecord.PROMOTION, stage.name(), stage.from(),
                pinned.toString(), stage.location(), tags, digest,
                report == null ? null : Digest.sha256(GoJson.write(GateReports.json(report))),
                report == null ? null : report.outcome().name(),
                heldByVersionTag != null && !heldByVersionTag.equals(digest), request.actor(), request.buildUrl(),
                request.now());
        if (request.dryRun()) {
            return new PromotionResult(PromotionResult.Outcome.DRY_RUN, stage.name(), digest, tags, report, null, 0, null,
                    record);
        }

        CopyResult copy = copier.copy(new RegistryEndpoint(sourceClient, pinned),
                new RegistryEndpoint(targetClient, stage.reference(digest)));
        int referrers = copyReferrers(sourceClient, source, targetClient, stage, digest);
        return finish(targetClient, stage, manifest, tags, record, request, copy, referrers, report);
    }

    /**
     * Points the stage back at {@code to} (a digest or tag in the stage's repository), else at the version
     * it held before the current one according to its records. The version must have been promoted to
     * this stage before, so its gate is not run again. With the request's trusted keys, a record that none
     * of them signed does not count: neither to find the previous version nor to show that it passed.
     */
    public PromotionResult rollback(String stageName, String to, PromotionRequest request) {
        Stage stage = stages.stage(stageName);
        RegistryClient client = clients.apply(stage.reference(stage.stageTag()));
        PromotionRecords records = new PromotionRecords(client, stage.repository());
        Digest current = head(client, stage, stage.stageTag());
        boolean trusting = !request.trustedKeys().isEmpty();
        List<PromotionRecords.Stored> stored = records.all(request.trustedKeys()).stream()
                .filter(r -> r.record().stage().equals(stage.name()) && r.record().target().equals(stage.location()))
                .toList();
        // with trusted keys, only a record one of them signed may say which version the stage held
        List<PromotionRecord> history = stored.stream().filter(r -> !trusting || r.signer() != null)
                .map(PromotionRecords.Stored::record).toList();
        List<PromotionRecords.Stored> untrusted = stored.stream().filter(r -> trusting && r.signer() == null).toList();
        Digest target;
        if (to != null) {
            target = to.startsWith("sha256:") ? Digest.parse(to) : Optional.ofNullable(head(client, stage, to))
                    .orElseThrow(() -> new ModelKitException("rollback of stage '" + stage.name() + "': no tag "
                            + stage.reference(to)));
        } else if (current == null) {
            throw new ModelKitException("rollback of stage '" + stage.name() + "': it holds nothing to roll back from");
        } else {
            target = previous(history, current).orElseThrow(() -> untrusted.stream()
                    .filter(r -> !r.record().digest().equals(current)).findFirst()
                    .map(r -> notTrusted(stage, r))
                    .orElseGet(() -> new ModelKitException("rollback of stage '" + stage.name()
                            + "': its records name no version before " + current)));
        }
        PromotionRecord passed = history.stream().filter(r -> r.digest().equals(target)).findFirst()
                .orElseThrow(() -> untrusted.stream().filter(r -> r.record().digest().equals(target)).findFirst()
                        .map(r -> notTrusted(stage, r))
                        .orElseGet(() -> new ModelKitException("rollback of stage '" + stage.name() + "' to " + target
                                + ": that version was never promoted to this stage; promote it instead")));
        Optional<Descriptor> held = client.headManifest(stage.repository(), target.toString());
        Descriptor subject = held.orElseThrow(() -> new ModelKitException("rollback of stage '" + stage.name()
                + "': " + stage.reference(target) + " is no longer in the registry"));
        List<String> tags = stage.movingTags();
        PromotionRecord record = new PromotionRecord(PromotionRecord.ROLLBACK, stage.name(), stage.from(),
                current == null ? stage.reference(target).toString() : stage.reference(current).toString(),
                stage.location(), tags, target, passed.gateReportDigest(), passed.gateOutcome(), false, request.actor(),
                request.buildUrl(), request.now());
        if (request.dryRun()) {
            return new PromotionResult(PromotionResult.Outcome.DRY_RUN, stage.name(), target, tags, null, null, 0, null,
                    record);
        }
        return finish(client, stage, new RegistryEndpoint(client, stage.reference(subject.digest())).manifest(), tags, record,
                request, null, 0, null);
    }

    /** The stage's records, newest first. */
    public List<PromotionRecord> history(String stageName) {
        Stage stage = stages.stage(stageName);
        RegistryClient client = clients.apply(stage.reference(stage.stageTag()));
        return new PromotionRecords(client, stage.repository()).all().stream()
                .filter(r -> r.target().equals(stage.location())).toList();
    }

    /** The records of a repository ({@code host/repo}), newest first, whatever stage wrote them. */
    public static List<PromotionRecord> history(Reference repository, RegistryClient client) {
        String location = repository.registry() + "/" + repository.repository();
        return new PromotionRecords(client, repository.repository()).all().stream()
                .filter(r -> r.target().equals(location)).toList();
    }

    /**
     * What each stage holds now (its stage tag's digest and the Kitfile's package version) and how it
     * differs from the stage it is promoted from.
     */
    public List<StageStatus> status() {
        List<StageStatus> statuses = new ArrayList<>();
        Map<String, ModelKitContents> held = new LinkedHashMap<>();
        for (Stage stage : stages.stages()) {
            RegistryClient client = clients.apply(stage.reference(stage.stageTag()));
            Digest digest = head(client, stage, stage.stageTag());
            ModelKitContents contents = null;
            if (digest != null) {
                contents = ModelKitReader.read(new RegistryEndpoint(client, stage.reference(digest)));
                held.put(stage.name(), contents);
            }
            ModelKitContents from = stage.from() == null ? null : held.get(stage.from());
            StageDifference difference = null;
            if (contents != null && from != null) {
                ModelKitDiffResult diff = ModelKitDiff.compare(contents, from);
                difference = new StageDifference(stage.from(), from.descriptor().digest(), version(from),
                        diff.identical(), diff.hyperparameters().size(), diff.contentChanges().size());
            }
            statuses.add(new StageStatus(stage, digest, contents == null ? null : version(contents), difference));
        }
        return statuses;
    }

    private static String version(ModelKitContents contents) {
        return contents.kitfile().kitPackage().version();
    }

    private static ModelKitException notTrusted(Stage stage, PromotionRecords.Stored record) {
        return new ModelKitException("rollback of stage '" + stage.name() + "': record " + record.referrer() + " of "
                + record.record().digest() + " is not signed by a trusted key, so it does not choose the rollback target;"
                + " no trusted record names a version to return to");
    }

    private static Optional<Digest> previous(List<PromotionRecord> newestFirst, Digest current) {
        return newestFirst.stream().map(PromotionRecord::digest).filter(d -> !d.equals(current)).findFirst();
    }

    /** The registry answered and said no (4xx): unlike a timeout or a 5xx, the tag surely did not move. */
    private static boolean refused(ModelKitException error) {
        return error instanceof RegistryException registry && registry.status() >= 400 && registry.status() < 500;
    }

    private PromotionResult finish(RegistryClient client, Stage stage, ManifestBytes bytes, List<String> tags,
            PromotionRecord record, PromotionRequest request, CopyResult copy, int referrers, GateReport report) {
        Descriptor subject = bytes.descriptor();
        PromotionRecords records = new PromotionRecords(client, stage.repository());
        // what each tag holds now, asked once: it decides what moves, and what a refused tag is put back to
        Map<String, Digest> before = new LinkedHashMap<>();
        tags.forEach(t -> before.put(t, head(client, stage, t)));
        List<String> toMove = tags.stream().filter(t -> !subject.digest().equals(before.get(t))).toList();
        List<PromotionRecord> existing = records.of(subject.digest()).stream()
                .filter(r -> r.stage().equals(stage.name()) && r.tags().equals(tags) && r.kind().equals(record.kind()))
                .toList();
        Digest current = before.containsKey(stage.stageTag()) ? before.get(stage.stageTag()) : head(client, stage, stage.stageTag());
        Instant currentSince = current == null || current.equals(subject.digest()) ? Instant.MIN
                : records.of(current).stream().map(PromotionRecord::promotedAt).findFirst().orElse(Instant.MIN);
        // a record newer than what the stage holds is the record of an interrupted run of this promotion
        Optional<PromotionRecord> pending = existing.stream().filter(r -> r.promotedAt().isAfter(currentSince)).findFirst();
        if (toMove.isEmpty() && pending.isPresent()) {
            return new PromotionResult(PromotionResult.Outcome.UNCHANGED, stage.name(), subject.digest(), tags, report,
                    copy, referrers, null, pending.get());
        }
        Descriptor written = null;
        PromotionRecord used = pending.orElse(record);
        if (pending.isEmpty()) {
            try {
                written = records.write(record, subject, request.key());
            } catch (ModelKitException e) {
                throw new ModelKitException("promotion to stage '" + stage.name() + "': cannot write the record, no tag"
                        + " was moved: " + e.getMessage(), e);
            }
        }
        // tags that hold another version first: a registry with immutable tags refuses exactly those, and
        // refusing before any new tag exists leaves nothing that cannot be undone
        List<String> ordered = new ArrayList<>(toMove);
        ordered.sort(Comparator.comparing(t -> before.get(t) == null));
        List<String> moved = new ArrayList<>();
        for (String tag : ordered) {
            try {
                client.putManifest(stage.repository(), tag, bytes.bytes(), bytes.mediaType());
            } catch (ModelKitException e) {
                if (!refused(e)) {
                    // the tag may have landed with only the answer lost: keep the record, a rerun completes the tags
                    throw new ModelKitException("promotion to stage '" + stage.name() + "': tag '" + tag + "' of "
                            + stage.location() + " was not confirmed (" + e.getMessage() + "); the record stays, and"
                            + " running the same promotion again moves the remaining tags", e);
                }
                throw new ModelKitException(new TagRefusal(client, stage, records, subject.digest(), written, before)
                        .undo(tag, e, moved), e);
            }
            moved.add(tag);
        }
        return new PromotionResult(PromotionResult.Outcome.PROMOTED, stage.name(), subject.digest(), tags, report, copy,
                referrers, written, used);
    }

    private GateReport gate(PromotionRequest request, Stage stage, RegistryClient sourceClient,
            RegistryClient targetClient, Reference pinned, Digest digest, Digest current, String versionTag,
            Digest heldByVersionTag) {
        ModelKitContents modelKit = ModelKitReader.read(new RegistryEndpoint(sourceClient, pinned));
        List<VerifiedAttestation> attestations = VerifiedAttestation.find(
                new RegistryAttestationStore(sourceClient, pinned.repository()), modelKit.descriptor(),
                request.trustedKeys());
        ModelKitContents baseline = current == null ? null
                : ModelKitReader.read(new RegistryEndpoint(targetClient, stage.reference(current)));
        String targetTag = versionTag == null ? null : stage.reference(versionTag).toString();
        return Gate.evaluate(PolicyReader.read(stage.policy()), GateInput.builder(modelKit, digest)
                .attestations(attestations).baseline(baseline).target(targetTag, heldByVersionTag).now(request.now())
                .build());
    }

    /** Referrers (but not promotion records of the source stage) and cosign's legacy images, by digest. */
    private int copyReferrers(RegistryClient sourceClient, Reference source, RegistryClient targetClient, Stage stage,
            Digest digest) {
        int copied = 0;
        for (Descriptor referrer : sourceClient.referrers(source.repository(), digest, null)) {
            if (PromotionRecords.isRecord(referrer)) {
                continue;
            }
            CopyResult copy = copier.copy(new RegistryEndpoint(sourceClient, Reference.of(source.registry(),
                    source.repository(), referrer.digest())), new RegistryEndpoint(targetClient,
                    stage.reference(referrer.digest())));
            // pushed as a referrer once more so a registry without the referrers API lists it in its fallback index
            ManifestBytes bytes = new RegistryEndpoint(targetClient, stage.reference(copy.manifest().digest())).manifest();
            targetClient.pushReferrer(stage.repository(), bytes.bytes(), bytes.mediaType());
            copied++;
        }
        String legacyAtt = AttestationManifests.legacyTag(digest);
        String base = legacyAtt.substring(0, legacyAtt.length() - ".att".length());
        for (String tag : List.of(legacyAtt, base + ".sig")) {
            if (sourceClient.headManifest(source.repository(), tag).isPresent()) {
                copier.copy(new RegistryEndpoint(sourceClient, Reference.of(source.registry(), source.repository(), tag)),
                        new RegistryEndpoint(targetClient, stage.reference(tag)));
                copied++;
            }
        }
        return copied;
    }

    private static Digest head(RegistryClient client, Stage stage, String tag) {
        return client.headManifest(stage.repository(), tag).map(Descriptor::digest).orElse(null);
    }
}
