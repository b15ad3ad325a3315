package io.jenkins.plugins.modelkit.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.TaskListener;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.diff.DiffMarkdown;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.diff.ModelKitDiffResult;
import io.modelkit.core.gate.Gate;
import io.modelkit.core.gate.GateInput;
import io.modelkit.core.gate.GateReport;
import io.modelkit.core.gate.GateReports;
import io.modelkit.core.gate.Policy;
import io.modelkit.core.gate.PolicyReader;
import io.modelkit.core.gate.RuleResult;
import io.modelkit.core.gate.VerificationSummary;
import io.modelkit.core.gate.VerifiedAttestation;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.ModelKitVersion;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.SigningKey;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.store.ModelKitStore;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code modelkitGate} on the agent: reads the policy, finds the attestations the trusted keys signed,
 * compares with the baseline (the given one, else what the target tag holds now), evaluates every rule
 * and logs one line per rule. The report comes back in the summary's details as the same tree
 * {@code modelkit gate --json} prints, plus {@code approvalKeys}; with a baseline also the diff
 * ({@code diff}, {@code markdown}). It does not fail by itself: the step decides.
 */
public final class GateCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String reference;
    private final String name;
    private final GatePolicySource policy;
    private final String baseline;
    private final String baselineName;
    private final String targetTag;
    private final LinkedHashMap<String, String> keyTexts;
    private final ArrayList<String> keyFiles;
    private final String junitFile;
    private final boolean remote;
    private final SecretSigningKey signingKey;

    /**
     * @param reference the ModelKit as the agent must read it; {@code name} as the step named it
     * @param baseline the baseline as the agent must read it, or null; {@code baselineName} as the step named it
     * @param targetTag where the ModelKit is to move, or null
     * @param keyTexts trusted public keys as PEM text, by the name errors give them
     * @param keyFiles trusted public key files on the agent, absolute
     * @param junitFile where to write the JUnit XML on the agent, absolute, or null
     * @param signingKey signs the outcome as a Verification Summary Attestation stored next to the ModelKit, or null
     */
    public GateCallable(TaskListener listener, AgentSettings settings, String reference, String name, GatePolicySource policy,
            String baseline, String baselineName, String targetTag, Map<String, String> keyTexts, List<String> keyFiles,
            String junitFile, boolean remote, SecretSigningKey signingKey) {
        super(listener, settings);
        this.reference = reference;
        this.name = name;
        this.policy = policy;
        this.baseline = baseline;
        this.baselineName = baselineName;
        this.targetTag = targetTag;
        this.keyTexts = new LinkedHashMap<>(keyTexts);
        this.keyFiles = new ArrayList<>(keyFiles);
        this.junitFile = junitFile;
        this.remote = remote;
        this.signingKey = signingKey;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) throws IOException {
        Policy rules = readPolicy();
        Endpoints endpoints = context.endpoints();
        Location location = Location.parse(reference);
        Endpoint source = endpoints.reading(location, remote);
        ModelKitContents kit = named(ModelKitReader.read(source), name);
        Descriptor subject = kit.descriptor();
        AttestationStore store = AttestationStores.of(location, source, endpoints);
        List<VerifiedAttestation> attestations = VerifiedAttestation.find(store, subject, trustedKeys());
        Digest current = targetTag == null ? null : currentDigest(endpoints, Location.parse(targetTag));
        ModelKitContents baselineKit = null;
        if (baseline != null) {
            baselineKit = read(endpoints.reading(Location.parse(baseline), remote), baselineName);
        } else if (current != null) {
            // by the digest just resolved: the tag may move between the two reads
            baselineKit = read(Endpoints.pinned(endpoints.reading(Location.parse(targetTag), remote), current), targetTag);
        }
        Instant now = Instant.now();
        GateReport report = Gate.evaluate(rules, GateInput.builder(kit, subject.digest()).attestations(attestations)
                .baseline(baselineKit).target(targetTag, current).now(now).build());
        for (RuleResult result : report.results()) {
            context.progress().info("[" + result.status() + "] " + result.name() + ": " + result.message());
        }
        context.progress().info("Gate " + report.outcome() + " for " + name + " (" + subject.digest() + ") with policy "
                + rules.source() + (baselineKit == null ? "" : ", baseline " + baselineKit.name() + " (" + baselineKit.manifest().digest() + ")"));
        if (junitFile != null) {
            Path target = Path.of(junitFile);
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFile.write(target, GateReports.junitXml(report).getBytes(StandardCharsets.UTF_8));
        }
        ModelKitSummary summary = ModelKitSummary.of(name, kit.manifest(), kit.kitfile());
        if (signingKey != null) {
            SigningKey key = signingKey.read();
            String subjectName = AttestCallable.subjectName(location);
            Descriptor vsa = VerificationSummary.signAndStore(VerificationSummary.statement(report, subjectName,
                    VerificationSummary.resourceUri(subjectName, subject.digest()), ModelKitVersion.get(), attestations),
                    key, store, subject, now);
            context.progress().info("Signed the verification summary with key " + key.fingerprint() + ": referrer " + vsa.digest());
            summary = summary.with("vsa", vsa.digest().toString()).with("vsaKeyFingerprint", key.fingerprint().toString());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.convertValue(GateReports.json(report), Map.class);
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            if (!entry.getKey().equals("reference") && !entry.getKey().equals("digest")) {
                summary = summary.with(entry.getKey(), entry.getValue());
            }
        }
        summary = summary.with("approvalKeys", approvalKeys(report))
                .with("attestations", attestations.size())
                .with("baseline", baselineKit == null ? null : Map.of("reference", baselineKit.name(),
                        "digest", baselineKit.manifest().digest().toString()));
        if (baselineKit != null) {
            ModelKitDiffResult diff = ModelKitDiff.compare(baselineKit, kit);
            @SuppressWarnings("unchecked")
            Map<String, Object> diffTree = JSON.convertValue(diff.toJson(), Map.class);
            summary = summary.with("diff", diffTree).with("markdown", DiffMarkdown.render(diff));
        }
        return summary;
    }

    private Policy readPolicy() throws IOException {
        if (policy.file() == null) {
            return PolicyReader.read(policy.text().getBytes(StandardCharsets.UTF_8), policy.name());
        }
        try {
            return PolicyReader.read(Files.readAllBytes(Path.of(policy.file())), policy.name());
        } catch (NoSuchFileException e) {
            throw new ModelKitException(policy.name() + ": no such policy file in the workspace");
        }
    }

    private List<PublicKey> trustedKeys() {
        List<PublicKey> trusted = new ArrayList<>();
        keyTexts.forEach((keyName, pem) -> trusted.add(KeyFiles.readPublic(pem.getBytes(StandardCharsets.ISO_8859_1), keyName)));
        keyFiles.forEach(file -> trusted.add(KeyFiles.readPublic(Path.of(file))));
        return trusted;
    }

    /** The hyperparameter changes that need a human approval, as {@code path: old -> new}, each once. */
    private static List<String> approvalKeys(GateReport report) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        report.results().forEach(result -> keys.addAll(result.approvals()));
        return new ArrayList<>(keys);
    }

    /** The digest the target tag holds now, or null when it is absent. */
    private Digest currentDigest(Endpoints endpoints, Location target) {
        if (target instanceof Reference tag && (remote || !tag.hasDefaultRegistry())) {
            return endpoints.registry(Endpoints.registryReference(tag, "targetTag")).client()
                    .headManifest(tag.repository(), tag.reference()).map(Descriptor::digest).orElse(null);
        }
        if (target instanceof Reference) {
            return endpoints.localStore().resolve(target).map(Descriptor::digest).orElse(null);
        }
        try {
            return ModelKitStore.forReading(target, endpoints.env()).resolve(target).map(Descriptor::digest).orElse(null);
        } catch (ModelKitException e) {
            return null; // no layout at that path yet: the tag is absent
        }
    }

    private static ModelKitContents read(Endpoint endpoint, String shownAs) {
        try {
            return named(ModelKitReader.read(endpoint), shownAs);
        } catch (ModelKitException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw message.contains(shownAs) ? e : new ModelKitException(shownAs + ": " + message, e);
        }
    }

    private static ModelKitContents named(ModelKitContents kit, String shownAs) {
        return new ModelKitContents(shownAs, kit.manifest(), kit.kitfile(), kit.layers());
    }
}
