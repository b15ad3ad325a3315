package io.modelkit.cli.command;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.diff.DiffMarkdown;
import io.modelkit.core.diff.DiffText;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.diff.ModelKitDiffResult;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit diff}: what changed between two ModelKits. A difference is a result, not an error. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        header = "Show what changed between two ModelKits.",
        description = "Compares Kitfile fields, hyperparameters (model.parameters and each dataset's parameters, "
                + "key by key, with absolute and relative change for numbers), the content of each Kitfile entry "
                + "(unchanged, changed, added, removed, with digest and size) and the layers both share, as kit diff "
                + "does. A is the baseline. Exits 0 whether the ModelKits are identical or differ, 1 when one cannot be read.",
        footer = {
            "",
            "Examples:",
            "  modelkit diff sentiment:1.4.0 sentiment:1.5.0",
            "  modelkit diff oci:/tmp/layout:v1 oci:/tmp/layout:v2 --json",
            "  modelkit diff -r registry.example.com/ml/sentiment:prod registry.example.com/ml/sentiment:1.5.0 --format markdown"
        })
final class DiffCommand extends StoreCommand {
    private static final String RESET = "\u001b[0m";

    @Parameters(index = "0", paramLabel = "A", description = "The baseline: a reference in the local store, oci:PATH[:TAG] or a registry reference.")
    String referenceA;

    @Parameters(index = "1", paramLabel = "B", description = "The ModelKit to compare with A, named the same ways.")
    String referenceB;

    @ArgGroup(exclusive = true)
    OutputMode mode = new OutputMode();

    @Option(names = {"-r", "--remote"}, description = "Read both ModelKits from their registries, not the local store.")
    boolean remote;

    @Mixin
    RegistryOptions network;

    enum Format { text, markdown }

    static final class OutputMode {
        @Option(names = "--json", description = "Print the diff as JSON.")
        boolean json;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or markdown, for pull requests and build pages.")
        Format format = Format.text;
    }

    @Override
    protected void execute() throws Exception {
        ModelKitDiffResult diff = ModelKitDiff.compare(read(referenceA), read(referenceB));
        if (mode.json) {
            printJson(diff.toJson());
        } else if (mode.format == Format.markdown) {
            out().print(DiffMarkdown.render(diff));
        } else {
            String text = DiffText.render(diff);
            out().print(context().color() ? coloured(text) : text);
        }
    }

    /** The ModelKit, named as the user wrote it rather than as the store describes it. */
    private ModelKitContents read(String reference) {
        try {
            ModelKitContents kit = ModelKitReader.read(sourceEndpoint(location(reference), remote, network));
            return new ModelKitContents(reference, kit.manifest(), kit.kitfile(), kit.layers());
        } catch (ModelKitException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw message.contains(reference) ? e : new ModelKitException(reference + ": " + message, e);
        }
    }

    /** Colours change lines by the marker DiffText puts after their two-space indent. */
    private static String coloured(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String colour = line.length() > 2 && line.startsWith("  ") ? switch (line.charAt(2)) {
                case '+' -> "\u001b[32m";
                case '-' -> "\u001b[31m";
                case '~' -> "\u001b[33m";
                case '!' -> "\u001b[35m";
                default -> null;
            } : null;
            out.append(colour == null ? line : colour + line + RESET).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
