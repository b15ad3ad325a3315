package io.jenkins.plugins.modelkit.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Api;
import hudson.model.Run;
import io.modelkit.core.AtomicFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A diff of two ModelKits that a build made, on a page of its own ({@code modelkit-diff-<index>}) and a
 * line in the build's summary. The diff itself lives in files next to build.xml, as JSON for the page's
 * tables and as Markdown to copy into a pull request; build.xml keeps only what the summary line shows.
 */
@ExportedBean(defaultVisibility = 2)
public final class DiffAction extends BuildAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int index;
    private final String referenceA;
    private final String digestA;
    private final String referenceB;
    private final String digestB;
    private final boolean identical;
    private final int kitfileChanges;
    private final int hyperparameterChanges;
    private final int contentChanges;

    DiffAction(int index, JsonNode diff) {
        this.index = index;
        this.referenceA = diff.path("a").path("reference").asText(null);
        this.digestA = diff.path("a").path("digest").asText();
        this.referenceB = diff.path("b").path("reference").asText(null);
        this.digestB = diff.path("b").path("digest").asText();
        this.identical = diff.path("identical").asBoolean();
        this.kitfileChanges = diff.path("kitfile").size();
        this.hyperparameterChanges = diff.path("hyperparameters").size();
        int changed = 0;
        for (JsonNode entry : diff.path("content")) {
            if (!"unchanged".equals(entry.path("status").asText())) {
                changed++;
            }
        }
        this.contentChanges = changed;
    }

    /** Writes the diff's files into the build's directory; the action is added by the caller. */
    static DiffAction write(Run<?, ?> run, int index, Map<String, Object> diff, String markdown) throws IOException {
        JsonNode tree = JSON.valueToTree(diff);
        Path json = file(run, index, ".json");
        Files.createDirectories(json.getParent());
        AtomicFile.write(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
        AtomicFile.write(file(run, index, ".md"), markdown.getBytes(StandardCharsets.UTF_8));
        return new DiffAction(index, tree);
    }

    private static Path file(Run<?, ?> run, int index, String suffix) {
        return new File(run.getRootDir(), "modelkit-diff-" + index + suffix).toPath();
    }

    @Override
    public String getIconFileName() {
        return "symbol-modelkit plugin-modelkit-pipeline";
    }

    @Override
    public String getDisplayName() {
        return Messages.DiffAction_DisplayName(referenceA, referenceB);
    }

    @Override
    public String getUrlName() {
        return "modelkit-diff-" + index;
    }

    int index() {
        return index;
    }

    /** The baseline as the step named it. */
    @Exported
    public String getReferenceA() {
        return referenceA;
    }

    @Exported
    public String getDigestA() {
        return digestA;
    }

    @Exported
    public String getReferenceB() {
        return referenceB;
    }

    @Exported
    public String getDigestB() {
        return digestB;
    }

    /** Both are the same manifest, byte for byte. */
    @Exported
    public boolean isIdentical() {
        return identical;
    }

    @Exported
    public int getKitfileChanges() {
        return kitfileChanges;
    }

    @Exported
    public int getHyperparameterChanges() {
        return hyperparameterChanges;
    }

    /** Entries (model, parts, datasets, code, docs) whose layer changed, was added or was removed. */
    @Exported
    public int getContentChanges() {
        return contentChanges;
    }

    /** Changed Kitfile fields for the page: path, old, new. */
    public List<Map<String, String>> getKitfileRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode change : diff().path("kitfile")) {
            rows.add(row("path", text(change.get("path")), "oldValue", text(change.get("old")), "newValue", text(change.get("new"))));
        }
        return rows;
    }

    /** Changed hyperparameters for the page: path, kind, old and new as JSON, absolute and relative change. */
    public List<Map<String, String>> getHyperparameterRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode change : diff().path("hyperparameters")) {
            Map<String, String> row = row("path", text(change.get("path")), "kind", text(change.get("kind")),
                    "oldValue", json(change.get("old")), "newValue", json(change.get("new")));
            row.put("absoluteChange", signed(change.get("absoluteChange"), 0, ""));
            row.put("relativeChange", signed(change.get("relativeChange"), 2, "%"));
            rows.add(row);
        }
        return rows;
    }

    /** Every layer-backed entry for the page, unchanged ones included: kind, path, status, digests and sizes. */
    public List<Map<String, String>> getContentRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode entry : diff().path("content")) {
            Map<String, String> row = row("kind", text(entry.get("kind")), "path", text(entry.get("path")),
                    "status", text(entry.get("status")));
            row.put("name", text(entry.get("name")));
            row.put("before", layer(entry.get("before")));
            row.put("after", layer(entry.get("after")));
            rows.add(row);
        }
        return rows;
    }

    /** The diff as Markdown, for a pull request; empty if the build's files are gone. */
    public String getMarkdown() {
        Path file = getRun() == null ? null : file(getRun(), index, ".md");
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The diff's JSON tree, read from the build's directory each time the page asks (it is not kept in memory). */
    private JsonNode diff() {
        Path file = getRun() == null ? null : file(getRun(), index, ".json");
        if (file == null || !Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static String json(JsonNode node) {
        return node == null ? "" : node.toString();
    }

    /** A change with its sign, as written (no exponent); {@code shift} 2 turns a ratio into percent. */
    private static String signed(JsonNode number, int shift, String unit) {
        if (number == null || !number.isNumber()) {
            return "";
        }
        java.math.BigDecimal value = number.decimalValue().movePointRight(shift).stripTrailingZeros();
        return (value.signum() > 0 ? "+" : "") + value.toPlainString() + unit;
    }

    private static String layer(JsonNode layer) {
        return layer == null ? "" : layer.path("digest").asText() + " (" + layer.path("size").asLong() + " B)";
    }

    public Api getApi() {
        return new Api(this);
    }
}
