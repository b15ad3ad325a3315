package io.jenkins.plugins.modelkit.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.TaskListener;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.gate.GateReport;
import io.modelkit.core.gate.GateReports;
import io.modelkit.core.gate.RuleResult;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.PromotionRecord;
import io.modelkit.core.promote.PromotionRequest;
import io.modelkit.core.promote.PromotionResult;
import io.modelkit.core.promote.Stage;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.transfer.CopyResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code modelkitPromote} on the agent: reads the stages file, runs the core {@link Promoter} (gate,
 * copy by digest, referrers along, record, tags) with the agent's registry clients, and returns the
 * promoted ModelKit's summary with the outcome, the record as plain maps and, when a gate ran, its
 * report in the shape {@code modelkitGate} returns. A failed gate does not fail here: the step
 * records the rules first.
 */
public final class PromoteCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String reference;
    private final String stage;
    private final StagesSource stages;
    private final String tag;
    private final boolean dryRun;
    private final boolean force;
    private final SecretSigningKey signingKey;
    private final LinkedHashMap<String, String> keyTexts;
    private final ArrayList<String> keyFiles;
    private final String promotedBy;
    private final String buildUrl;

    /**
     * @param stages the stages file on the agent, or the configured stages
     * @param tag the version tag in the target, or null for the reference's own
     * @param signingKey signs the promotion record, or null for an unsigned record
     * @param keyTexts trusted public keys as PEM text, by the name errors give them
     * @param keyFiles trusted public key files on the agent, absolute
     * @param promotedBy who promotes, as the record names them
     * @param buildUrl the build that promotes, or null
     */
    public PromoteCallable(TaskListener listener, AgentSettings settings, String reference, String stage, StagesSource stages,
            String tag, boolean dryRun, boolean force, SecretSigningKey signingKey,
            Map<String, String> keyTexts, List<String> keyFiles, String promotedBy, String buildUrl) {
        super(listener, settings);
        this.reference = reference;
        this.stage = stage;
        this.stages = stages;
        this.tag = tag;
        this.dryRun = dryRun;
        this.force = force;
        this.signingKey = signingKey;
        this.keyTexts = new LinkedHashMap<>(keyTexts);
        this.keyFiles = new ArrayList<>(keyFiles);
        this.promotedBy = promotedBy;
        this.buildUrl = buildUrl;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) throws IOException {
        Stages line = readStages();
        Promoter promoter = new Promoter(line, context.connections()::client, context.settings().concurrency(),
                context.progress());
        Map<String, String> who = new LinkedHashMap<>();
        who.put("MODELKIT_PROMOTER", promotedBy);
        if (buildUrl != null) {
            who.put("BUILD_URL", buildUrl);
        }
        PromotionResult result = promoter.promote(PromotionRequest.builder(reference, stage).tag(tag).dryRun(dryRun)
                .force(force).key(signingKey == null ? null : signingKey.read()).trustedKeys(trustedKeys()).env(who).now(Instant.now()).build());
        log(context, result);
        Reference source = Reference.parse(reference);
        ModelKitContents kit = ModelKitReader.read(context.endpoints().registry(
                Reference.of(source.registry(), source.repository(), result.digest())));
        ModelKitSummary summary = ModelKitSummary.of(reference, kit.manifest(), kit.kitfile())
                .with("outcome", result.outcome().name())
                .with("stage", result.stage())
                .with("stages", new ArrayList<>(line.stages().stream().map(Stage::name).toList()))
                .with("tags", new ArrayList<>(result.tags()))
                .with("record", result.written() == null ? null : record(result.written()))
                .with("recordDigest", result.record() == null ? null : result.record().digest().toString())
                .with("referrersCopied", result.referrersCopied())
                .with("copy", result.copy() == null ? null : copy(result.copy()));
        return summary.with("gate", result.gate() == null ? null : gate(result.gate()));
    }

    private List<PublicKey> trustedKeys() {
        List<PublicKey> trusted = new ArrayList<>();
        keyTexts.forEach((keyName, pem) -> trusted.add(KeyFiles.readPublic(pem.getBytes(StandardCharsets.ISO_8859_1), keyName)));
        keyFiles.forEach(file -> trusted.add(KeyFiles.readPublic(Path.of(file))));
        return trusted;
    }

    private Stages readStages() throws IOException {
        if (stages.file() == null) {
            return StagesReader.read(stages.text(), stages.name(), Path.of(stages.directory()));
        }
        Path file = Path.of(stages.file());
        if (!Files.isRegularFile(file)) {
            throw new ModelKitException(stages.name() + ": no such stages file in the workspace");
        }
        return StagesReader.read(Files.readString(file, StandardCharsets.UTF_8), stages.name(), file.toAbsolutePath().getParent());
    }

    private void log(AgentContext context, PromotionResult result) {
        if (result.gate() != null) {
            for (RuleResult rule : result.gate().results()) {
                context.progress().info("[" + rule.status() + "] " + rule.name() + ": " + rule.message());
            }
        }
        String tags = String.join(", ", result.tags());
        context.progress().info(switch (result.outcome()) {
            case PROMOTED -> "Promoted " + reference + " (" + result.digest() + ") to stage '" + result.stage() + "' as " + tags
                    + (result.record() == null ? ", completing its recorded promotion" : "; record " + result.record().digest())
                    + (result.copy() == null ? "" : "; " + result.copy().blobsCopied() + " blob(s) copied ("
                    + result.copy().bytesCopied() + " bytes), " + result.copy().blobsMounted() + " mounted, "
                    + result.copy().blobsSkipped() + " already there; " + result.referrersCopied() + " referrer(s) along");
            case UNCHANGED -> "Stage '" + result.stage() + "' already holds " + result.digest() + " as " + tags;
            case DRY_RUN -> "Dry run: would promote " + reference + " (" + result.digest() + ") to stage '" + result.stage()
                    + "' as " + tags;
            case GATE_FAILED -> "Not promoted: the gate of stage '" + result.stage() + "' failed for " + reference;
        });
    }

    /** The record's fields as {@code modelkit history --json} names them, in plain values. */
    static Map<String, Object> record(PromotionRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", record.kind());
        map.put("stage", record.stage());
        map.put("from", record.from());
        map.put("source", record.source());
        map.put("target", record.target());
        map.put("tags", new ArrayList<>(record.tags()));
        map.put("digest", record.digest().toString());
        map.put("gateOutcome", record.gateOutcome());
        map.put("gateReportDigest", record.gateReportDigest() == null ? null : record.gateReportDigest().toString());
        map.put("forced", record.forced());
        map.put("promotedBy", record.promotedBy());
        map.put("buildUrl", record.buildUrl());
        map.put("promotedAt", record.promotedAt().toString());
        return map;
    }

    private static Map<String, Object> copy(CopyResult copy) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("blobsCopied", copy.blobsCopied());
        map.put("blobsMounted", copy.blobsMounted());
        map.put("blobsSkipped", copy.blobsSkipped());
        map.put("bytesCopied", copy.bytesCopied());
        return map;
    }

    /** The report as {@code modelkitGate} returns it, so that the build shows it the same way. */
    private static Map<String, Object> gate(GateReport report) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.convertValue(GateReports.json(report), Map.class);
        tree.remove("reference");
        tree.remove("digest");
        // the hyperparameter changes that need a human approval, each once, as modelkitGate returns them
        tree.put("approvalKeys", report.results().stream().flatMap(rule -> rule.approvals().stream()).distinct().toList());
        tree.put("baseline", null);
        return tree;
    }

    /** Never the key or the password. */
    @Override
    public String toString() {
        return "PromoteCallable[reference=" + reference + ", stage=" + stage + ", stages=" + stages.name()
                + ", key=" + (signingKey == null ? null : signingKey.name()) + ", dryRun=" + dryRun + ", force=" + force + "]";
    }
}
