package io.modelkit.core.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.gate.VerificationSummary;
import io.modelkit.core.gate.VerifiedAttestation;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.PromotionRecord;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.Stage;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.provenance.Envelope;
import io.modelkit.core.provenance.SlsaProvenance;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoredAttestation;
import io.modelkit.core.provenance.verify.AttestationResult;
import io.modelkit.core.provenance.verify.VerificationReport;
import io.modelkit.core.provenance.verify.Verifier;
import io.modelkit.core.provenance.verify.VerifyRequest;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.transfer.RegistryEndpoint;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads what every stage of one or more release lines (stages files) holds and builds the {@link ReleaseModel}:
 * per stage the stage tag's digest, the Kitfile's version, the newest promotion record of that digest,
 * the provenance (any signed SLSA provenance attached; whether one verifies against the trusted keys, and
 * by which), the gate outcome and the hyperparameter diff to the stage it is promoted from.
 *
 * <p>The gate outcome is that of the newest gate summary (VSA) attached to the digest and signed by a
 * trusted key; without one, the outcome the promotion record names; else unknown. Only manifests,
 * Kitfiles and attestations are read, never a model's layers.
 */
public final class DashboardBuilder {
    private static final String WARN_LEVEL = "MODELKIT_GATE_WARN";

    private final Function<Reference, RegistryClient> clients;
    private final List<PublicKey> trustedKeys;

    /**
     * @param clients the registry client for a reference's registry
     * @param trustedKeys keys whose signatures verify provenance and gate summaries; none: nothing verifies
     */
    public DashboardBuilder(Function<Reference, RegistryClient> clients, List<PublicKey> trustedKeys) {
        this.clients = clients;
        this.trustedKeys = List.copyOf(trustedKeys);
    }

    /** One row per release line, stage names in first-seen order, all promotions in one timeline. */
    public ReleaseModel build(List<Stages> lines, Instant generated) {
        Set<String> stageNames = new LinkedHashSet<>();
        List<ModelKitRow> rows = new ArrayList<>();
        List<TimelineEvent> timeline = new ArrayList<>();
        for (Stages line : lines) {
            line.stages().forEach(s -> stageNames.add(s.name()));
            rows.add(row(line, timeline));
        }
        return new ReleaseModel(generated, List.copyOf(stageNames), rows, timeline);
    }

    private ModelKitRow row(Stages line, List<TimelineEvent> timeline) {
        Promoter promoter = new Promoter(line, clients, 1, ProgressListener.NONE);
        Map<String, Held> held = new HashMap<>();
        Map<String, List<PromotionRecord>> records = new HashMap<>();
        for (Stage stage : line.stages()) {
            held.put(stage.name(), held(stage));
            records.put(stage.name(), promoter.history(stage.name()));
        }
        String name = line.stages().stream().map(s -> held.get(s.name())).filter(Objects::nonNull)
                .map(h -> h.contents().kitfile().kitPackage().name()).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElseGet(() -> lastSegment(line.stages().get(0).repository()));
        List<StageEntry> entries = new ArrayList<>();
        for (int i = 0; i < line.stages().size(); i++) {
            Stage stage = line.stages().get(i);
            Stage previous = stage.from() != null ? line.stage(stage.from()) : i > 0 ? line.stages().get(i - 1) : null;
            entries.add(entry(stage, held.get(stage.name()), previous == null ? null : held.get(previous.name()),
                    records.get(stage.name())));
            for (PromotionRecord record : records.get(stage.name())) {
                timeline.add(new TimelineEvent(record.promotedAt(), name, record.stage(), record.kind(), record.digest(),
                        record.source(), record.promotedBy(), record.buildUrl(), GateOutcome.parse(record.gateOutcome()),
                        record.forced()));
            }
        }
        return new ModelKitRow(name, entries);
    }

    /** What the stage tag points at, read; null for an empty stage. */
    private Held held(Stage stage) {
        Reference tag = stage.reference(stage.stageTag());
        RegistryClient client = clients.apply(tag);
        Optional<Descriptor> head = client.headManifest(stage.repository(), stage.stageTag());
        if (head.isEmpty()) {
            return null;
        }
        RegistryEndpoint endpoint = new RegistryEndpoint(client, stage.reference(head.get().digest()));
        return new Held(client, endpoint, ModelKitReader.read(endpoint));
    }

    private StageEntry entry(Stage stage, Held held, Held previous, List<PromotionRecord> records) {
        if (held == null) {
            return StageEntry.empty(stage.name(), stage.location(), stage.stageTag());
        }
        Digest digest = held.contents().descriptor().digest();
        Optional<PromotionRecord> record = records.stream().filter(r -> r.digest().equals(digest)).findFirst();
        AttestationStore store = new ReadOnce(new RegistryAttestationStore(held.client(), stage.repository()));
        List<StoredAttestation> attached = store.find(held.contents().descriptor());
        List<VerifiedAttestation> verified = trustedKeys.isEmpty() ? List.of()
                : VerifiedAttestation.find(store, held.contents().descriptor(), trustedKeys);
        List<ParameterChange> changes = previous == null ? List.of()
                : ModelKitDiff.compare(previous.contents(), held.contents()).hyperparameters().stream()
                        .map(ParameterChange::of).toList();
        return new StageEntry(stage.name(), stage.location(), stage.stageTag(), digest,
                held.contents().kitfile().kitPackage().version(), record.map(PromotionRecord::promotedAt).orElse(null),
                record.map(PromotionRecord::promotedBy).orElse(null), record.map(PromotionRecord::buildUrl).orElse(null),
                provenance(held, store, attached, verified, digest),
                gate(verified, digest).orElseGet(() -> GateOutcome.parse(record.map(PromotionRecord::gateOutcome)
                        .orElse(null))),
                changes);
    }

    private ProvenanceSummary provenance(Held held, AttestationStore store, List<StoredAttestation> attached,
            List<VerifiedAttestation> verified, Digest digest) {
        boolean signed = attached.stream().anyMatch(a -> signedProvenance(a, digest));
        if (!signed || trustedKeys.isEmpty()) {
            return new ProvenanceSummary(signed, false, null);
        }
        VerificationReport report = Verifier.verify(VerifyRequest.builder(trustedKeys).fullIntegrity(false).build(),
                held.endpoint(), store, ProgressListener.NONE);
        if (!report.passed()) {
            return new ProvenanceSummary(true, false, null);
        }
        // the key that signed the first attestation that passed every check
        Set<String> passed = new LinkedHashSet<>(report.attestations().stream().filter(AttestationResult::passed)
                .map(AttestationResult::origin).toList());
        String key = verified.stream().filter(v -> passed.contains(v.origin())).map(VerifiedAttestation::keyFingerprint)
                .findFirst().orElse(null);
        return new ProvenanceSummary(true, true, key);
    }

    /** An SLSA provenance statement about this digest with at least one signature (not checked here). */
    private static boolean signedProvenance(StoredAttestation attestation, Digest digest) {
        try {
            Envelope envelope = Envelope.parse(attestation.envelopeJson());
            Statement statement = Statement.parse(envelope.payload());
            return !envelope.signatures().isEmpty() && SlsaProvenance.PREDICATE_TYPE.equals(statement.predicateType())
                    && statement.hasSubject(digest);
        } catch (ModelKitException e) {
            return false; // not a readable envelope: nothing attached worth calling provenance
        }
    }

    /** The newest trusted gate summary of this digest. */
    private static Optional<GateOutcome> gate(List<VerifiedAttestation> verified, Digest digest) {
        return verified.stream()
                .filter(v -> VerificationSummary.PREDICATE_TYPE.equals(v.statement().predicateType())
                        && v.statement().hasSubject(digest))
                .map(VerifiedAttestation::statement).map(Statement::predicate)
                .max(Comparator.comparing(p -> p.path("timeVerified").asText("")))
                .map(DashboardBuilder::outcome);
    }

    private static GateOutcome outcome(JsonNode summary) {
        if (!"PASSED".equals(summary.path("verificationResult").asText())) {
            return GateOutcome.FAILED;
        }
        for (JsonNode level : summary.path("verifiedLevels")) {
            if (WARN_LEVEL.equals(level.asText())) {
                return GateOutcome.WARNED;
            }
        }
        return GateOutcome.PASSED;
    }

    private static String lastSegment(String repository) {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    private record Held(RegistryClient client, RegistryEndpoint endpoint, ModelKitContents contents) {
    }

    /**
     * The stage's attestations read from the registry once, though three readers look at them (what is
     * attached, what verifies, the gate summaries); writes go straight through.
     */
    private static final class ReadOnce implements AttestationStore {
        private final AttestationStore store;
        private final Map<Digest, List<StoredAttestation>> found = new HashMap<>();

        ReadOnce(AttestationStore store) {
            this.store = store;
        }

        @Override
        public Descriptor storeReferrer(Descriptor subject, String artifactType, byte[] content,
                Map<String, String> annotations, Instant created) {
            found.remove(subject.digest());
            return store.storeReferrer(subject, artifactType, content, annotations, created);
        }

        @Override
        public Descriptor storeLegacy(Descriptor subject, byte[] envelopeJson, String predicateType) {
            found.remove(subject.digest());
            return store.storeLegacy(subject, envelopeJson, predicateType);
        }

        @Override
        public List<StoredAttestation> find(Descriptor subject) {
            return found.computeIfAbsent(subject.digest(), digest -> List.copyOf(store.find(subject)));
        }
    }
}
