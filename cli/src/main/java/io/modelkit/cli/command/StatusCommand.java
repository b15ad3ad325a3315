package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.promote.Promoter;
import io.modelkit.core.promote.StageDifference;
import io.modelkit.core.promote.StageStatus;
import io.modelkit.core.promote.StagesReader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelkit status}: which version each stage holds and how it differs from the stage before it. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Show which version each stage holds and how the stages differ.",
        description = "For each stage of the stages file: its stage tag, the digest it holds and the Kitfile's package "
                + "version; for a stage promoted from another, whether both hold the same digest, else the version the "
                + "other would bring and how many hyperparameters and content entries differ. Exit codes: 0 shown, "
                + "1 error.",
        footer = {"", "Examples:", "  modelkit status --stages .modelkit/stages.yaml",
                "  modelkit status --json"})
final class StatusCommand extends StoreCommand {
    @Option(names = "--stages", paramLabel = "FILE", defaultValue = ".modelkit/stages.yaml",
            description = "The stages file (default: .modelkit/stages.yaml).")
    Path stagesFile;

    @Option(names = "--json", description = "Print the stages as JSON.")
    boolean json;

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() throws Exception {
        Promoter promoter = new Promoter(StagesReader.read(stagesFile), r -> registryClient(r, network),
                network.concurrency, progress());
        List<StageStatus> statuses = promoter.status();
        if (json) {
            printJson(json(statuses));
            return;
        }
        for (StageStatus status : statuses) {
            out().println(status.stage().name() + "  " + status.stage().reference(status.stage().stageTag()) + "  "
                    + (status.digest() == null ? "(empty)" : status.digest() + "  "
                    + (status.version() == null ? "(no version)" : status.version())));
            if (status.stage().from() != null) {
                out().println("  from " + status.stage().from() + ": " + difference(status));
            }
        }
    }

    private static String difference(StageStatus status) {
        StageDifference difference = status.fromStage();
        if (difference == null) {
            return status.digest() == null ? "nothing to compare, this stage holds nothing"
                    : "nothing to compare, " + status.stage().from() + " holds nothing";
        }
        if (difference.sameDigest()) {
            return "same digest";
        }
        String version = difference.fromVersion() == null ? "(no version)" : difference.fromVersion();
        String current = status.version() == null ? "(no version)" : status.version();
        return (version.equals(current) ? "same version " + current + ", " : "version " + current + " -> " + version
                + ", ") + count(difference.hyperparametersChanged(), "hyperparameter") + " and "
                + count(difference.contentChanged(), "content entry", "content entries") + " changed";
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static ObjectNode json(List<StageStatus> statuses) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode stages = root.putArray("stages");
        for (StageStatus status : statuses) {
            ObjectNode stage = stages.addObject();
            stage.put("name", status.stage().name());
            stage.put("reference", status.stage().reference(status.stage().stageTag()).toString());
            stage.put("digest", status.digest() == null ? null : status.digest().toString());
            stage.put("version", status.version());
            stage.put("from", status.stage().from());
            StageDifference difference = status.fromStage();
            if (difference == null) {
                stage.putNull("difference");
                continue;
            }
            ObjectNode node = stage.putObject("difference");
            node.put("fromDigest", difference.fromDigest().toString());
            node.put("fromVersion", difference.fromVersion());
            node.put("sameDigest", difference.sameDigest());
            node.put("hyperparametersChanged", difference.hyperparametersChanged());
            node.put("contentChanged", difference.contentChanged());
        }
        return root;
    }
}
