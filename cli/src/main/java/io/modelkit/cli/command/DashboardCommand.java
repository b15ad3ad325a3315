package io.modelkit.cli.command;

import io.modelkit.core.dashboard.DashboardBuilder;
import io.modelkit.core.dashboard.DashboardWriter;
import io.modelkit.core.dashboard.ModelKitRow;
import io.modelkit.core.dashboard.ReleaseModel;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.promote.StagesReader;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.registry.RegistryClient;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelkit dashboard}: a static release dashboard of one or more stages files. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        header = "Write a static release dashboard (HTML, CSS, JSON, SVG badges).",
        description = "For each stages file (a release line): a row per stage with the version, digest, when and by "
                + "whom it was promoted, provenance (signed; verified by which --trusted-key), the gate outcome and the "
                + "hyperparameter changes from the previous stage; and the history of promotions, newest first. DIR "
                + "gets index.html (the data embedded, so it works opened from disk and served), dashboard.css, "
                + "dashboard.js, releases.json and badges/<modelkit>-<stage>.svg; nothing is loaded from the network. "
                + "DIR is replaced whole, and only if it is new, empty or an earlier dashboard. "
                + "Exit codes: 0 written, 1 error.",
        footer = {"", "Examples:",
            "  modelkit dashboard --stages .modelkit/stages.yaml --out site/releases --trusted-key ci.pub --trusted-key gate.pub"})
final class DashboardCommand extends StoreCommand {
    @Option(names = "--stages", paramLabel = "FILE", required = true,
            description = "A stages file; repeat for more release lines.")
    List<Path> stagesFiles = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write.")
    Path out;

    @Option(names = "--trusted-key", paramLabel = "FILE",
            description = "A public key (PEM) whose provenance and gate summaries count; repeatable.")
    List<Path> trustedKeys = new ArrayList<>();

    @Mixin
    RegistryOptions network;

    @Override
    protected void execute() {
        List<Stages> lines = stagesFiles.stream().map(StagesReader::read).toList();
        ReleaseModel model = new DashboardBuilder(clients(this, network), keys(trustedKeys)).build(lines, Instant.now());
        int badges = DashboardWriter.write(model, out);
        int stages = model.modelKits().stream().map(ModelKitRow::stages).mapToInt(List::size).sum();
        out().println("Wrote dashboard " + out + ": " + model.modelKits().size() + " ModelKit"
                + (model.modelKits().size() == 1 ? "" : "s") + ", " + stages + " stages, " + badges + " badges, "
                + model.timeline().size() + " promotions; open " + out.resolve(DashboardWriter.PAGE));
    }

    static List<PublicKey> keys(List<Path> files) {
        return files.stream().map(KeyFiles::readPublic).toList();
    }

    /** One client per registry for the whole run, so a dashboard of many stages logs in once per registry. */
    static Function<Reference, RegistryClient> clients(StoreCommand command, RegistryOptions network) {
        Map<String, RegistryClient> byRegistry = new HashMap<>();
        return reference -> byRegistry.computeIfAbsent(reference.registry(),
                registry -> command.registryClient(reference, network));
    }
}
