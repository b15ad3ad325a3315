package io.modelkit.core.diff;

/** A diff as GitHub-flavoured Markdown tables, for pull requests and build pages. */
public final class DiffMarkdown {
    private DiffMarkdown() {
    }

    public static String render(ModelKitDiffResult diff) {
        StringBuilder out = new StringBuilder("## ModelKit diff\n\n");
        out.append("- **A:** ").append(code(DiffFormat.text(diff.referenceA()))).append(' ')
                .append(code(diff.digestA().toString())).append('\n');
        out.append("- **B:** ").append(code(DiffFormat.text(diff.referenceB()))).append(' ')
                .append(code(diff.digestB().toString())).append('\n');
        if (diff.identical()) {
            return out.append("\nThe ModelKits are **identical**.\n").toString();
        }
        out.append("\n### Kitfile fields\n\n");
        if (diff.kitfileFields().isEmpty()) {
            out.append("No changes.\n");
        } else {
            out.append("| Field | Old | New |\n|---|---|---|\n");
            diff.kitfileFields().forEach(change -> out.append(row(code(change.path()), cell(DiffFormat.text(change.oldValue())),
                    cell(DiffFormat.text(change.newValue())))));
        }
        out.append("\n### Hyperparameters\n\n");
        if (diff.hyperparameters().isEmpty()) {
            out.append("No changes.\n");
        } else {
            out.append("| Change | Path | Old | New | Delta |\n|---|---|---|---|---|\n");
            diff.hyperparameters().forEach(change -> out.append(row(DiffFormat.kind(change.kind()), code(change.path()),
                    code(DiffFormat.value(change.oldValue())), code(DiffFormat.value(change.newValue())),
                    cell(DiffFormat.delta(change)))));
        }
        out.append("\n### Content\n\n");
        if (diff.content().isEmpty()) {
            out.append("No layers.\n");
        } else {
            out.append("| Status | Kind | Path | Before | After |\n|---|---|---|---|---|\n");
            diff.content().forEach(change -> out.append(row(DiffFormat.status(change.status()),
                    ModelKitDiffResult.kindName(change.kind()), code(change.path()),
                    layer(change.before()), layer(change.after()))));
        }
        out.append("\n### Layers\n\n").append(DiffFormat.layersSummary(diff.layers())).append(".\n");
        return out.toString();
    }

    private static String layer(io.modelkit.core.oci.Descriptor descriptor) {
        return descriptor == null ? "" : code(DiffFormat.shortDigest(descriptor)) + " " + descriptor.size() + " B";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A code span that survives any content: pipes escaped (GFM tables honour that even in code), newlines flattened, fences longer than any run of backticks. */
    static String code(String text) {
        String flat = text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    /** Table cell text: a pipe would end the cell and a newline the row. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
