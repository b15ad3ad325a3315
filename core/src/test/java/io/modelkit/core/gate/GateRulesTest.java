package io.modelkit.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileReader;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hyperparameter, content and registry rules on ModelKits built in memory. */
class GateRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    static ModelKitContents modelKit(String kitfileYaml, String... datasetContents) {
        Kitfile kitfile = KitfileReader.read(kitfileYaml.getBytes(StandardCharsets.UTF_8), "Kitfile");
        byte[] config = kitfileYaml.getBytes(StandardCharsets.UTF_8);
        Manifest.Builder manifest = Manifest.builder().mediaType(MediaTypes.OCI_MANIFEST)
                .config(Descriptor.of(MediaTypes.KIT_CONFIG, config));
        List<BoundLayer> layers = new ArrayList<>();
        for (int i = 0; i < datasetContents.length; i++) {
            Descriptor layer = Descriptor.of("application/vnd.kitops.modelkit.dataset.v1.tar",
                    datasetContents[i].getBytes(StandardCharsets.UTF_8));
            manifest.layer(layer);
            layers.add(new BoundLayer(layer, new LayerEntry(LayerKind.DATASET, i, kitfile.datasets().get(i).name(),
                    kitfile.datasets().get(i).path()), false));
        }
        return new ModelKitContents("registry.example.com/ml/m:1", manifest.build(), kitfile, layers);
    }

    private static String kitfile(String parameters) {
        return "manifestVersion: 1.0.0\npackage: {name: m, version: 1.0.0, license: MIT}\nmodel:\n  name: m\n  path: m.bin\n"
                + "  license: Apache-2.0\n  parameters:\n" + parameters.indent(4)
                + "datasets:\n  - {name: train, path: train.csv, license: CC-BY-4.0, parameters: {rows: 480}}\n"
                + "  - {name: eval, path: eval.csv}\ndocs:\n  - {path: README.md}\n";
    }

    private static final String BASE = """
            lr: 0.01
            epochs: 40
            optimizer: {name: adam, betas: [0.9, 0.999]}
            features: {hashing: crc32, buckets: 1024}
            layers: [{size: 64}, {size: 32}]
            """;

    private static RuleResult evaluate(String rulesYaml, ModelKitContents current, ModelKitContents baseline) {
        return evaluateAll(rulesYaml, current, baseline, null, null).results().get(0);
    }

    private static GateReport evaluateAll(String rulesYaml, ModelKitContents current, ModelKitContents baseline,
            String tag, Digest tagDigest) {
        Policy policy = PolicyReader.read(("version: 1\nrules:\n" + rulesYaml.indent(2)).getBytes(StandardCharsets.UTF_8),
                "gate.yaml");
        return Gate.evaluate(policy, GateInput.builder(current, current.manifest().digest()).baseline(baseline)
                .target(tag, tagDigest).now(NOW).build());
    }

    private static String hp(String body) {
        return "- name: hp\n  kind: hyperparameters\n" + body.indent(2);
    }

    @Test
    void shouldPassWhenNothingChanged() {
        RuleResult result = evaluate(hp("frozen: ['**']"), modelKit(kitfile(BASE), "t", "e"), modelKit(kitfile(BASE), "t", "e"));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.message()).isEqualTo("no hyperparameter changed");
    }

    @Test
    void shouldFailAFrozenChangeInANestedList() {
        ModelKitContents changed = modelKit(kitfile(BASE.replace("0.999", "0.99")), "t", "e");
        RuleResult result = evaluate(hp("frozen: ['model.parameters.optimizer.**']"), changed, modelKit(kitfile(BASE), "t", "e"));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).isEqualTo("model.parameters.optimizer.betas[1] is frozen but changed from 0.999 to 0.99");
        assertThat(result.compared()).containsExactly(new Comparison("model.parameters.optimizer.betas[1]", "0.999 (frozen)", "0.99"));
    }

    @Test
    void shouldJudgeEveryPathBelowAMapThatWasReplacedOrRemoved() {
        ModelKitContents base = modelKit(kitfile(BASE), "t", "e");
        ModelKitContents retyped = modelKit(kitfile(BASE.replace("optimizer: {name: adam, betas: [0.9, 0.999]}", "optimizer: adam")), "t", "e");
        RuleResult frozen = evaluate(hp("frozen: ['model.parameters.optimizer.betas[1]']"), retyped, base);
        assertThat(frozen.status()).as(frozen.message()).isEqualTo(Status.FAIL);
        assertThat(frozen.message()).contains("model.parameters.optimizer.betas[1] is frozen but changed from 0.999 to absent");

        ModelKitContents withoutParameters = modelKit(kitfile("x: 1").replace("  parameters:\n    x: 1\n", ""), "t", "e");
        RuleResult removed = evaluate(hp("noRemove: ['model.parameters.lr']"), withoutParameters, base);
        assertThat(removed.status()).as(removed.message()).isEqualTo(Status.FAIL);
        assertThat(removed.message()).contains("model.parameters.lr may not be removed (was 0.01)");
    }

    @Test
    void shouldAllowAChangeExactlyAtTheAbsoluteAndRelativeBoundAndFailJustBeyond() {
        ModelKitContents base = modelKit(kitfile(BASE), "t", "e");
        String rule = hp("tolerances: [{path: model.parameters.lr, absolute: 0.005, relative: 0.5}]");
        assertThat(evaluate(rule, modelKit(kitfile(BASE.replace("lr: 0.01", "lr: 0.015")), "t", "e"), base).status())
                .isEqualTo(Status.PASS);
        assertThat(evaluate(rule, modelKit(kitfile(BASE.replace("lr: 0.01", "lr: 0.005")), "t", "e"), base).status())
                .isEqualTo(Status.PASS);
        RuleResult beyond = evaluate(rule, modelKit(kitfile(BASE.replace("lr: 0.01", "lr: 0.0151")), "t", "e"), base);
        assertThat(beyond.status()).isEqualTo(Status.FAIL);
        assertThat(beyond.message()).isEqualTo("model.parameters.lr moved by 0.0051 (0.01 -> 0.0151), more than the absolute tolerance 0.005;"
                + " model.parameters.lr moved by a factor of 0.51 (0.01 -> 0.0151), more than the relative tolerance 0.5");
        assertThat(beyond.compared()).containsExactly(
                new Comparison("model.parameters.lr", "0.01 within ±0.005 and ±0.5 relative", "0.0151 (change 0.0051)"));
        RuleResult relativeOnly = evaluate(hp("tolerances: [{path: 'model.parameters.layers[*].size', relative: 0.25}]"),
                modelKit(kitfile(BASE.replace("size: 32", "size: 41")), "t", "e"), base);
        assertThat(relativeOnly.message()).isEqualTo("model.parameters.layers[1].size moved by a factor of 0.28125 (32 -> 41), more than the"
                + " relative tolerance 0.25");
    }

    @Test
    void shouldCallOutATypeChangeUnderATolerance() {
        RuleResult result = evaluate(hp("tolerances: [{path: model.parameters.epochs, absolute: 5}]"),
                modelKit(kitfile(BASE.replace("epochs: 40", "epochs: '40'")), "t", "e"), modelKit(kitfile(BASE), "t", "e"));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).isEqualTo("model.parameters.epochs changed type from number (40) to string (\"40\")");
    }

    @Test
    void shouldRefuseAddedAndRemovedKeysAndWarnInAuditMode() {
        String next = BASE.replace("epochs: 40\n", "").replace("buckets: 1024", "buckets: 1024, seed: 7");
        ModelKitContents changed = modelKit(kitfile(next), "t", "e");
        ModelKitContents base = modelKit(kitfile(BASE), "t", "e");
        RuleResult result = evaluate(hp("mode: audit\nnoAdd: ['model.parameters.features.*']\nnoRemove: ['**']"), changed, base);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.mode()).isEqualTo(Mode.AUDIT);
        assertThat(result.message()).isEqualTo("model.parameters.epochs may not be removed (was 40); model.parameters.features.seed may not be added (7)");
        RuleResult datasetParameter = evaluate(hp("noRemove: ['datasets[train].parameters.*']"),
                modelKit(kitfile(BASE).replace("parameters: {rows: 480}", "parameters: {}"), "t", "e"), base);
        assertThat(datasetParameter.message()).isEqualTo("datasets[train].parameters.rows may not be removed (was 480)");
    }

    @Test
    void shouldAskForApprovalWithoutFailing() {
        GateReport report = evaluateAll(hp("approvalRequired: [model.parameters.epochs]\ntolerances: [{path: model.parameters.epochs, absolute: 100}]"),
                modelKit(kitfile(BASE.replace("epochs: 40", "epochs: 60")), "t", "e"), modelKit(kitfile(BASE), "t", "e"),
                null, null);
        assertThat(report.outcome()).isEqualTo(Status.PASS);
        assertThat(report.approvalRequired()).isTrue();
        assertThat(report.approvals()).containsExactly("hp: model.parameters.epochs: 40 -> 60");
        assertThat(report.results().get(0).message()).isEqualTo("approval required for model.parameters.epochs: 40 -> 60");
    }

    @Test
    void shouldPassWithoutBaselineUnlessOneIsRequired() {
        ModelKitContents current = modelKit(kitfile(BASE), "t", "e");
        assertThat(evaluate(hp("frozen: ['**']"), current, null).message()).isEqualTo("no baseline: nothing to compare");
        RuleResult required = evaluate(hp("frozen: ['**']\nrequireBaseline: true"), current, null);
        assertThat(required.status()).isEqualTo(Status.FAIL);
        assertThat(required.message()).startsWith("no baseline to compare with");
    }

    @Test
    void shouldCheckDatasetsLicensesDocsSizeAndFields() {
        ModelKitContents base = modelKit(kitfile(BASE), "train-1", "eval-1");
        String content = """
                - name: content
                  kind: content
                  datasetsUnchanged: [eval]
                  datasetsMustChange: [train]
                  licenses: [MIT, Apache-2.0, CC-BY-4.0]
                  requiredDocs: [README.md]
                  maxTotalSize: 100000
                  requiredFields: [model.license, package.version, model.parameters]
                """;
        RuleResult good = evaluate(content, modelKit(kitfile(BASE), "train-2", "eval-1"), base);
        assertThat(good.status()).as(good.message()).isEqualTo(Status.PASS);

        String bad = kitfile(BASE).replace("license: CC-BY-4.0", "license: GPL-3.0").replace("docs:\n  - {path: README.md}\n", "")
                .replace("package: {name: m, version: 1.0.0, license: MIT}", "package: {name: m}");
        ModelKitContents current = modelKit(bad, "train-1", "eval-2");
        RuleResult result = evaluate(content.replace("100000", "10"), current, base);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        long total = current.manifest().config().size() + "train-1".length() + "eval-2".length();
        assertThat(result.message()).isEqualTo(String.join("; ",
                "dataset eval must not change but is " + digest("eval-2") + " (was " + digest("eval-1") + ")",
                "dataset train must change but is " + digest("train-1") + ", as in the baseline",
                "datasets[0].license GPL-3.0 is not an allowed license",
                "required doc README.md is not in the Kitfile's docs",
                "total size " + total + " bytes exceeds 10 bytes",
                "Kitfile field package.version is required but not set"));
    }

    private static String digest(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void shouldRefuseToOverwriteATagHoldingAnotherDigest() {
        ModelKitContents current = modelKit(kitfile(BASE), "t", "e");
        Digest self = current.manifest().digest();
        Digest other = Digest.sha256(new byte[] {1});
        String rule = "- {name: tag, kind: registry}";
        assertThat(evaluateAll(rule, current, null, "r/m:prod", null).results().get(0).message()).isEqualTo("r/m:prod is absent");
        assertThat(evaluateAll(rule, current, null, "r/m:prod", self).outcome()).isEqualTo(Status.PASS);
        RuleResult overwrite = evaluateAll(rule, current, null, "r/m:prod", other).results().get(0);
        assertThat(overwrite.status()).isEqualTo(Status.FAIL);
        assertThat(overwrite.message()).isEqualTo("r/m:prod holds " + other + "; promoting " + self + " would overwrite it");
        assertThat(evaluateAll(rule, current, null, null, null).results().get(0).message())
                .isEqualTo("no target tag given, so an overwrite cannot be ruled out");
    }
}
