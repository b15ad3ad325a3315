package io.modelkit.core.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A diff as aligned plain text. Each change line starts with two spaces and a marker ({@code +} added,
 * {@code -} removed, {@code ~} changed, {@code !} type changed, {@code =} unchanged), so that a terminal
 * front-end can colour lines by their marker without parsing anything else.
 */
public final class DiffText {
    private DiffText() {
    }

    public static String render(ModelKitDiffResult diff) {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(DiffFormat.text(diff.referenceA())).append(" (").append(diff.digestA()).append(")\n");
        out.append("B: ").append(DiffFormat.text(diff.referenceB())).append(" (").append(diff.digestB()).append(")\n");
        if (diff.identical()) {
            return out.append("\nidentical: both are the same ModelKit\n").toString();
        }
        out.append("\nKitfile fields:");
        Columns fields = new Columns();
        diff.kitfileFields().forEach(change -> fields.row("~", change.path(), DiffFormat.text(change.oldValue()), "->",
                DiffFormat.text(change.newValue())));
        fields.appendTo(out);

        out.append("\nHyperparameters:");
        Columns parameters = new Columns();
        diff.hyperparameters().forEach(change -> parameters.row(DiffFormat.marker(change.kind()), change.path(),
                DiffFormat.value(change.oldValue()), "->", DiffFormat.value(change.newValue()), DiffFormat.delta(change)));
        parameters.appendTo(out);

        out.append("\nContent:");
        Columns content = new Columns();
        diff.content().forEach(change -> content.row(DiffFormat.marker(change.status()),
                ModelKitDiffResult.kindName(change.kind()), change.path(), DiffFormat.status(change.status()),
                before(change), change.status() == ContentStatus.CHANGED ? "-> " + DiffFormat.layer(change.after()) : ""));
        content.appendTo(out);

        out.append("\nLayers: ").append(DiffFormat.layersSummary(diff.layers())).append('\n');
        return out.toString();
    }

    private static String before(ContentChange change) {
        return DiffFormat.layer(change.status() == ContentStatus.ADDED ? change.after() : change.before());
    }

    /** Rows of cells padded to the widest cell of each column; an empty table says so. */
    private static final class Columns {
        private final List<String[]> rows = new ArrayList<>();

        void row(String... cells) {
            rows.add(cells);
        }

        void appendTo(StringBuilder out) {
            if (rows.isEmpty()) {
                out.append(" no changes\n");
                return;
            }
            out.append('\n');
            int columns = rows.get(0).length;
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < columns; i++) {
                    line.append(row[i]);
                    if (i < columns - 1) {
                        line.append(" ".repeat(widths[i] - row[i].length() + (i == 0 ? 1 : 2)));
                    }
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }
}
