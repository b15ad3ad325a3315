package io.modelkit.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deep diff of model and dataset parameters, and the Kitfile fields, from two Kitfiles. */
class HyperparameterDiffTest {

    @Test
    void shouldReportANumberWithAbsoluteAndRelativeChange() {
        List<ValueChange> changes = parameters("""
                learning_rate: 0.05
                epochs: 40
                """, """
                learning_rate: 0.055
                epochs: 40
                """);

        assertThat(changes).hasSize(1);
        ValueChange change = changes.get(0);
        assertThat(change.path()).isEqualTo("model.parameters.learning_rate");
        assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
        assertThat(change.absoluteChange()).contains(new BigDecimal("0.005"));
        assertThat(change.relativeChange()).contains(new BigDecimal("0.1"));
    }

    @Test
    void shouldGiveNoRatioFromZeroAndCompareIntegersWithFloatsByValue() {
        List<ValueChange> changes = parameters("""
                dropout: 0
                epochs: 40
                seed: 7
                """, """
                dropout: 0.25
                epochs: 40.0
                seed: 5
                """);

        assertThat(changes).extracting(ValueChange::path)
                .containsExactly("model.parameters.dropout", "model.parameters.seed");
        assertThat(changes.get(0).absoluteChange()).contains(new BigDecimal("0.25"));
        assertThat(changes.get(0).relativeChange()).isEmpty();
        assertThat(changes.get(1).absoluteChange()).contains(new BigDecimal("-2"));
        assertThat(changes.get(1).relativeChange().orElseThrow()).isEqualByComparingTo("-0.2857142857142857");
    }

    @Test
    void shouldWalkNestedMapsAndListsByIndex() {
        List<ValueChange> changes = parameters("""
                optimizer:
                  name: adam
                  betas: [0.9, 0.999]
                labels: [negative, positive]
                """, """
                optimizer:
                  name: adam
                  betas: [0.9, 0.99]
                labels: [negative, neutral, positive]
                """);

        assertThat(changes).extracting(ValueChange::path, ValueChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("model.parameters.labels[1]", ChangeKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("model.parameters.labels[2]", ChangeKind.ADDED),
                org.assertj.core.groups.Tuple.tuple("model.parameters.optimizer.betas[1]", ChangeKind.CHANGED));
        assertThat(changes.get(1).newValue().asText()).isEqualTo("positive");
        assertThat(changes.get(1).oldValue()).isNull();
        assertThat(changes.get(2).absoluteChange()).contains(new BigDecimal("-0.009"));
    }

    @Test
    void shouldCallOutTypeChangesAndAddedAndRemovedKeys() {
        List<ValueChange> changes = parameters("""
                batch_size: 32
                schedule: [1, 2]
                warmup: 100
                """, """
                batch_size: "32"
                schedule: {step: 2}
                clip: 1.5
                """);

        assertThat(changes).extracting(ValueChange::path, ValueChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("model.parameters.batch_size", ChangeKind.TYPE_CHANGED),
                org.assertj.core.groups.Tuple.tuple("model.parameters.clip", ChangeKind.ADDED),
                org.assertj.core.groups.Tuple.tuple("model.parameters.schedule", ChangeKind.TYPE_CHANGED),
                org.assertj.core.groups.Tuple.tuple("model.parameters.warmup", ChangeKind.REMOVED));
        assertThat(changes.get(0).absoluteChange()).as("a type change has no numeric delta").isEmpty();
        assertThat(changes.get(0).oldValue().intValue()).isEqualTo(32);
        assertThat(changes.get(0).newValue().textValue()).isEqualTo("32");
        assertThat(changes.get(3).oldValue().intValue()).isEqualTo(100);
        assertThat(changes.get(3).newValue()).isNull();
    }

    @Test
    void shouldQuoteKeysThatAreNotPlainWords() {
        List<ValueChange> changes = parameters("""
                "layer.0": {"lr scale": 1}
                """, """
                "layer.0": {"lr scale": 2}
                """);

        assertThat(changes).extracting(ValueChange::path)
                .containsExactly("model.parameters[\"layer.0\"][\"lr scale\"]");
    }

    @Test
    void shouldReportWholeParameterSectionsThatAppearOrDisappear() {
        Kitfile without = kitfile("model:\n  path: m.bin\n");
        Kitfile with = kitfile("model:\n  path: m.bin\n  parameters:\n    seed: 1\n");

        List<ValueChange> added = ModelKitDiff.hyperparameters(without, with);
        List<ValueChange> removed = ModelKitDiff.hyperparameters(with, without);

        assertThat(added).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("model.parameters");
            assertThat(change.kind()).isEqualTo(ChangeKind.ADDED);
            assertThat(change.newValue().toString()).isEqualTo("{\"seed\":1}");
        });
        assertThat(removed).extracting(ValueChange::kind).containsExactly(ChangeKind.REMOVED);
        assertThat(ModelKitDiff.hyperparameters(with, with)).isEmpty();
    }

    @Test
    void shouldDiffDatasetParametersByDatasetName() {
        Kitfile a = kitfile("""
                datasets:
                  - name: train
                    path: data/train.csv
                    parameters: {rows: 480, columns: [id, text]}
                  - name: eval
                    path: data/eval.csv
                    parameters: {rows: 120}
                  - path: data/extra.csv
                    parameters: {rows: 1}
                """);
        Kitfile b = kitfile("""
                datasets:
                  - name: eval
                    path: data/eval.csv
                    parameters: {rows: 120}
                  - name: train
                    path: data/train.csv
                    parameters: {rows: 600, columns: [id, text, label]}
                  - name: holdout
                    path: data/holdout.csv
                    parameters: {rows: 50}
                """);

        List<ValueChange> changes = ModelKitDiff.hyperparameters(a, b);

        assertThat(changes).extracting(ValueChange::path, ValueChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("datasets[train].parameters.columns[2]", ChangeKind.ADDED),
                org.assertj.core.groups.Tuple.tuple("datasets[train].parameters.rows", ChangeKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("datasets[data/extra.csv].parameters", ChangeKind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("datasets[holdout].parameters", ChangeKind.ADDED));
        assertThat(changes.get(1).relativeChange()).contains(new BigDecimal("0.25"));
    }

    @Test
    void shouldListEachChangedKitfileFieldWithOldAndNewValue() {
        Kitfile a = kitfile("""
                package:
                  name: sentiment
                  version: 1.4.0
                  license: Apache-2.0
                  authors: [Ana]
                model:
                  name: linear
                  path: m.bin
                  framework: numpy
                  format: safetensors
                  version: 1.4.0
                """);
        Kitfile b = kitfile("""
                package:
                  name: sentiment
                  version: 1.5.0
                  license: MIT
                  authors: [Ana, Bo]
                model:
                  name: linear
                  path: m.bin
                  framework: pytorch
                  format: safetensors
                  license: MIT
                """);

        assertThat(ModelKitDiff.fields(a, b)).containsExactly(
                new FieldChange("package.version", "1.4.0", "1.5.0"),
                new FieldChange("package.license", "Apache-2.0", "MIT"),
                new FieldChange("package.authors", "Ana", "Ana, Bo"),
                new FieldChange("model.framework", "numpy", "pytorch"),
                new FieldChange("model.version", "1.4.0", null),
                new FieldChange("model.license", null, "MIT"));
        assertThat(ModelKitDiff.fields(a, a)).isEmpty();
    }

    private static List<ValueChange> parameters(String a, String b) {
        return ModelKitDiff.hyperparameters(kitfile(withModel(a)), kitfile(withModel(b)));
    }

    private static String withModel(String parameters) {
        return "model:\n  path: m.bin\n  parameters:\n" + parameters.indent(4);
    }

    private static Kitfile kitfile(String yaml) {
        return KitfileReader.read(("manifestVersion: 1.0.0\n" + yaml).getBytes(StandardCharsets.UTF_8), "Kitfile");
    }
}
