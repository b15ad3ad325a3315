package io.modelkit.cli.command;

import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.KitfileGenerator;
import io.modelkit.core.kitfile.KitfileYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit init}: a Kitfile for a directory that has none, as {@code kit init} writes it. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        header = "Write a Kitfile for a directory.",
        description = "Looks at the files in DIR and writes DIR/Kitfile: model weights as the model (the largest) and its parts, data files as datasets, README, LICENSE and documents as docs, prompts as prompts, and everything else as code.",
        footer = {
            "",
            "Examples:",
            "  modelkit init ./my-project",
            "  modelkit init . --name sentiment --desc 'Review sentiment classifier' --author 'ML Team'"
        })
final class InitCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The directory to describe.")
    Path directory;

    @Option(names = "--name", description = "The package name (default: the directory's name).")
    String name;

    @Option(names = "--desc", description = "The package description.")
    String description;

    @Option(names = "--author", description = "The package author.")
    String author;

    @Option(names = {"-f", "--force"}, description = "Replace an existing Kitfile.")
    boolean force;

    @Override
    protected void execute() throws Exception {
        if (!Files.isDirectory(directory)) {
            throw new ModelKitException("directory " + directory + " does not exist or is not a directory");
        }
        Path kitfilePath = directory.resolve("Kitfile");
        if (Files.exists(kitfilePath) && !force) {
            throw new ModelKitException(kitfilePath + " already exists; use --force to replace it");
        }
        String packageName = name != null ? name : directory.toAbsolutePath().normalize().getFileName().toString();
        Kitfile kitfile = KitfileGenerator.generate(directory, packageName, description, author, progress());
        AtomicFile.write(kitfilePath, KitfileYaml.write(kitfile).getBytes(StandardCharsets.UTF_8));
        out().println("Wrote " + kitfilePath);
    }
}
