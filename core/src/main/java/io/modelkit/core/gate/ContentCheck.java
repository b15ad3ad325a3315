package io.modelkit.core.gate;

import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.Code;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.Docs;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.kitfile.ModelPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Datasets against the baseline, licenses, required docs, total size and required Kitfile fields. */
final class ContentCheck {
    private ContentCheck() {
    }

    static Findings check(Rule.Content rule, GateInput input) {
        Findings findings = new Findings();
        Kitfile kitfile = input.modelKit().kitfile();
        datasets(rule, input, findings);
        if (rule.licenses() != null) {
            licenses(rule.licenses(), kitfile, findings);
        }
        for (String doc : rule.requiredDocs()) {
            PathGlob glob = PathGlob.of(doc);
            boolean present = kitfile.docs().stream().map(Docs::path)
                    .anyMatch(path -> path != null && (path.equals(doc) || glob.matches(path)));
            findings.compared("docs " + doc, "present", present ? "present" : "absent");
            if (!present) {
                findings.violation("required doc " + doc + " is not in the Kitfile's docs");
            }
        }
        if (rule.maxTotalSize() != null) {
            long total = input.modelKit().manifest().layers().stream().mapToLong(d -> d.size()).sum()
                    + input.modelKit().manifest().config().size();
            findings.compared("total size", "<= " + rule.maxTotalSize() + " bytes", total + " bytes");
            if (total > rule.maxTotalSize()) {
                findings.violation("total size " + total + " bytes exceeds " + rule.maxTotalSize() + " bytes");
            }
        }
        for (String field : rule.requiredFields()) {
            boolean set = field(kitfile, field);
            findings.compared(field, "set", set ? "set" : "absent");
            if (!set) {
                findings.violation("Kitfile field " + field + " is required but not set");
            }
        }
        if (!findings.violated()) {
            findings.note("content as required");
        }
        return findings;
    }

    private static void datasets(Rule.Content rule, GateInput input, Findings findings) {
        if (rule.datasetsUnchanged().isEmpty() && rule.datasetsMustChange().isEmpty()) {
            return;
        }
        if (input.baseline() == null) {
            if (rule.requireBaseline()) {
                findings.violation("no baseline to compare datasets with");
            } else {
                findings.note("no baseline: datasets not compared");
            }
            return;
        }
        Map<String, String> now = datasetIdentities(input.modelKit());
        Map<String, String> before = datasetIdentities(input.baseline());
        for (String name : rule.datasetsUnchanged()) {
            String current = now.getOrDefault(name, "absent");
            String previous = before.getOrDefault(name, "absent");
            findings.compared("dataset " + name, previous, current);
            if (!current.equals(previous) || current.equals("absent")) {
                findings.violation("dataset " + name + " must not change but is " + current + " (was " + previous + ")");
            }
        }
        for (String name : rule.datasetsMustChange()) {
            String current = now.getOrDefault(name, "absent");
            String previous = before.getOrDefault(name, "absent");
            findings.compared("dataset " + name, "not " + previous, current);
            if (current.equals(previous) || current.equals("absent")) {
                findings.violation("dataset " + name + " must change but is " + current
                        + (current.equals(previous) ? ", as in the baseline" : ""));
            }
        }
    }

    /** Each dataset by name: its layer digest, or its remote path and hash when it has no layer. */
    private static Map<String, String> datasetIdentities(ModelKitContents modelKit) {
        Map<String, String> identities = new LinkedHashMap<>();
        List<Dataset> datasets = modelKit.kitfile().datasets();
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            String name = dataset.name() != null ? dataset.name() : dataset.path() != null ? dataset.path() : "#" + i;
            int index = i;
            Optional<String> layer = modelKit.layers().stream()
                    .filter(l -> l.entry().kind() == io.modelkit.core.kitfile.LayerKind.DATASET && l.entry().index() == index)
                    .map(BoundLayer::descriptor).map(d -> d.digest().toString()).findFirst();
            identities.put(name, layer.orElseGet(() -> dataset.remotePath() + (dataset.remoteHash() == null ? ""
                    : "@" + dataset.remoteHash())));
        }
        return identities;
    }

    private static void licenses(List<String> allowed, Kitfile kitfile, Findings findings) {
        Map<String, String> declared = new LinkedHashMap<>();
        KitPackage kitPackage = kitfile.kitPackage();
        put(declared, "package.license", kitPackage.license());
        Model model = kitfile.model();
        if (model != null) {
            put(declared, "model.license", model.license());
            for (int i = 0; i < model.parts().size(); i++) {
                ModelPart part = model.parts().get(i);
                put(declared, "model.parts[" + i + "].license", part.license());
            }
        }
        for (int i = 0; i < kitfile.code().size(); i++) {
            Code code = kitfile.code().get(i);
            put(declared, "code[" + i + "].license", code.license());
        }
        for (int i = 0; i < kitfile.datasets().size(); i++) {
            put(declared, "datasets[" + i + "].license", kitfile.datasets().get(i).license());
        }
        if (declared.isEmpty()) {
            findings.compared("license", "one of " + allowed, "none declared");
            findings.violation("no license declared; allowed: " + String.join(", ", allowed));
            return;
        }
        declared.forEach((field, license) -> {
            findings.compared(field, "one of " + allowed, license);
            if (!allowed.contains(license)) {
                findings.violation(field + " " + license + " is not an allowed license");
            }
        });
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static boolean field(Kitfile kitfile, String field) {
        KitPackage p = kitfile.kitPackage();
        Model m = kitfile.model();
        return switch (field) {
            case "package.name" -> p.name() != null;
            case "package.version" -> p.version() != null;
            case "package.description" -> p.description() != null;
            case "package.license" -> p.license() != null;
            case "package.authors" -> !p.authors().isEmpty();
            case "model.name" -> m != null && m.name() != null;
            case "model.path" -> m != null && m.path() != null;
            case "model.license" -> m != null && m.license() != null;
            case "model.framework" -> m != null && m.framework() != null;
            case "model.format" -> m != null && m.format() != null;
            case "model.version" -> m != null && m.version() != null;
            case "model.description" -> m != null && m.description() != null;
            case "model.parameters" -> m != null && m.parameters() != null && !m.parameters().isNull();
            default -> false;
        };
    }
}
