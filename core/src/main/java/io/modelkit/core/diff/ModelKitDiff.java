package io.modelkit.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.oci.Descriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Compares two ModelKits that {@link io.modelkit.core.inspect.ModelKitReader} has read. */
public final class ModelKitDiff {
    private ModelKitDiff() {
    }

    /** What changed from {@code a} (the baseline) to {@code b}. */
    public static ModelKitDiffResult compare(ModelKitContents a, ModelKitContents b) {
        return new ModelKitDiffResult(a.name(), a.manifest().digest(), b.name(), b.manifest().digest(),
                fields(a.kitfile(), b.kitfile()),
                hyperparameters(a.kitfile(), b.kitfile()), content(a.layers(), b.layers()),
                ManifestComparison.of(a.manifest(), b.manifest()));
    }

    static List<FieldChange> fields(Kitfile a, Kitfile b) {
        List<FieldChange> changes = new ArrayList<>();
        KitPackage pa = a.kitPackage();
        KitPackage pb = b.kitPackage();
        field(changes, "package.name", pa.name(), pb.name());
        field(changes, "package.version", pa.version(), pb.version());
        field(changes, "package.description", pa.description(), pb.description());
        field(changes, "package.license", pa.license(), pb.license());
        if (!pa.authors().equals(pb.authors())) {
            changes.add(new FieldChange("package.authors", authors(pa.authors()), authors(pb.authors())));
        }
        modelField(changes, "model.name", a, b, Model::name);
        modelField(changes, "model.framework", a, b, Model::framework);
        modelField(changes, "model.format", a, b, Model::format);
        modelField(changes, "model.version", a, b, Model::version);
        modelField(changes, "model.license", a, b, Model::license);
        modelField(changes, "model.description", a, b, Model::description);
        return changes;
    }

    private static String authors(List<String> authors) {
        return authors.isEmpty() ? null : String.join(", ", authors);
    }

    private static void modelField(List<FieldChange> changes, String path, Kitfile a, Kitfile b,
                                   Function<Model, String> field) {
        field(changes, path, a.model() == null ? null : field.apply(a.model()),
                b.model() == null ? null : field.apply(b.model()));
    }

    private static void field(List<FieldChange> changes, String path, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new FieldChange(path, oldValue, newValue));
        }
    }

    /**
     * {@code model.parameters}, then each dataset's parameters. Datasets are matched by name (by path when
     * unnamed, by position when neither is given) and named so in the path: {@code datasets[train].parameters}.
     */
    static List<ValueChange> hyperparameters(Kitfile a, Kitfile b) {
        List<ValueChange> changes = new ArrayList<>(ParameterDiff.diff("model.parameters",
                a.model() == null ? null : a.model().parameters(), b.model() == null ? null : b.model().parameters()));
        Map<String, JsonNode> before = datasetParameters(a);
        Map<String, JsonNode> after = datasetParameters(b);
        Set<String> labels = new LinkedHashSet<>(before.keySet());
        labels.addAll(after.keySet());
        for (String label : labels) {
            changes.addAll(ParameterDiff.diff("datasets[" + label + "].parameters", before.get(label), after.get(label)));
        }
        return changes;
    }

    private static Map<String, JsonNode> datasetParameters(Kitfile kitfile) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        List<Dataset> datasets = kitfile.datasets();
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            String label = dataset.name() != null ? dataset.name()
                    : dataset.path() != null ? dataset.path() : String.valueOf(i);
            parameters.putIfAbsent(label, dataset.parameters());
        }
        return parameters;
    }

    /**
     * Each layer-backed entry matched by kind and path; when one ModelKit lists the same kind and path twice,
     * the n-th occurrence in A is matched with the n-th in B. A's entries come first, in layer order, then
     * the ones only B has.
     */
    static List<ContentChange> content(List<BoundLayer> a, List<BoundLayer> b) {
        Map<EntryKey, BoundLayer> after = keyed(b);
        List<ContentChange> changes = new ArrayList<>();
        for (Map.Entry<EntryKey, BoundLayer> entry : keyed(a).entrySet()) {
            BoundLayer old = entry.getValue();
            BoundLayer now = after.remove(entry.getKey());
            if (now == null) {
                changes.add(change(old, ContentStatus.REMOVED, old.descriptor(), null));
            } else {
                boolean same = old.descriptor().digest().equals(now.descriptor().digest());
                changes.add(change(now, same ? ContentStatus.UNCHANGED : ContentStatus.CHANGED,
                        old.descriptor(), now.descriptor()));
            }
        }
        after.values().forEach(now -> changes.add(change(now, ContentStatus.ADDED, null, now.descriptor())));
        return changes;
    }

    private static ContentChange change(BoundLayer layer, ContentStatus status,
                                        Descriptor before, Descriptor after) {
        return new ContentChange(layer.entry().kind(), layer.entry().path(), layer.entry().name(), status, before, after);
    }

    private static Map<EntryKey, BoundLayer> keyed(List<BoundLayer> layers) {
        Map<EntryKey, BoundLayer> keyed = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BoundLayer layer : layers) {
            LayerKind kind = layer.entry().kind();
            String path = layer.entry().path();
            int occurrence = seen.merge(kind + "\0" + path, 1, Integer::sum) - 1;
            keyed.put(new EntryKey(kind, path, occurrence), layer);
        }
        return keyed;
    }

    private record EntryKey(LayerKind kind, String path, int occurrence) {
    }
}
