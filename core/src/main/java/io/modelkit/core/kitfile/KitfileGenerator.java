package io.modelkit.core.kitfile;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.json.GoJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code kit init DIR} does: guesses a Kitfile from file names. Weights ({@code .gguf},
 * {@code .safetensors}, {@code .pkl}, {@code .onnx}, ...) make the model (the clearly largest file is the
 * model, the rest parts; else the first in name order), metadata files ({@code .json}, {@code .yaml},
 * {@code .xml}, {@code .txt}) join the model as parts or else become datasets, data files become
 * datasets, README/LICENSE and document files become docs, prompt and agent files prompts, {@code .mcpb}
 * bundles MCP servers. Top-level directories are classified whole ({@code docs}, {@code src}, {@code pkg},
 * {@code lib}, {@code build} by name, others by content); unclassified files give a catch-all {@code "."}
 * code entry, as do more than five unclassified directories.
 */
public final class KitfileGenerator {
    private static final List<String> MODEL_SUFFIXES = List.of(".safetensors", ".pkl", ".joblib",
            ".bin", ".pth", ".pt", ".mar", ".pt2", ".ptl",
            ".pb", ".ckpt", ".tflite", ".tfrecords",
            ".npy", ".npz",
            ".keras", ".h5", ".caffemodel", ".pmml", ".coreml",
            ".gguf", ".ggml", ".ggmf", ".llamafile", ".onnx");
    private static final List<String> DOCS_SUFFIXES = List.of(".md", ".adoc", ".html", ".pdf");
    private static final List<String> METADATA_SUFFIXES = List.of(".json", ".yaml", ".xml", ".txt");
    private static final List<String> DATASET_SUFFIXES = List.of(".tar", ".zip", ".parquet", ".csv");
    private static final List<String> MCP_SUFFIXES = List.of(".mcpb");
    private static final List<String> PROMPT_NAMES = List.of("agents.md", "skill.md", "claude.md");
    private static final List<String> CODE_DIRECTORIES = List.of("src", "pkg", "lib", "build");
    private static final int MAX_SEPARATE_CODE_DIRECTORIES = 5;

    /** kit's file types, in kit's order (which decides how a directory's contents are summed up). */
    private enum FileType { MODEL, DATASET, CODE, DOCS, METADATA, PROMPT, MCP_SERVER, UNKNOWN }

    private record FileListing(String name, String path, long size) {
    }

    private record DirectoryListing(String name, String path, List<FileListing> files, List<String> subdirectories) {
    }

    private KitfileGenerator() {
    }

    /** A Kitfile for {@code dir}; {@code name}, {@code description} and {@code author} may be null. */
    public static Kitfile generate(Path dir, String name, String description, String author) {
        return generate(dir, name, description, author, ProgressListener.NONE);
    }

    /** As {@link #generate(Path, String, String, String)}, warning {@code listener} when a license cannot be named. */
    public static Kitfile generate(Path dir, String name, String description, String author, ProgressListener listener) {
        if (!Files.isDirectory(dir)) {
            throw KitfileException.of(dir.toString(), null, "is not a directory; a Kitfile can only be generated for one");
        }
        return new Generation(dir, listener).run(name, description, author);
    }

    /** One run of the generator, collecting entries as kit appends them. */
    private static final class Generation {
        private final Path root;
        private final ProgressListener listener;
        private final List<ModelPart> parts = new ArrayList<>();
        private final List<Code> code = new ArrayList<>();
        private final List<Dataset> datasets = new ArrayList<>();
        private final List<Docs> docs = new ArrayList<>();
        private final List<Prompt> prompts = new ArrayList<>();
        private final List<McpServer> mcpServers = new ArrayList<>();
        private final List<FileListing> modelFiles = new ArrayList<>();
        private Model model;

        Generation(Path root, ProgressListener listener) {
            this.root = root;
            this.listener = listener;
        }

        Kitfile run(String name, String description, String author) {
            boolean catchAll = false;
            List<String> unclassifiedDirectories = new ArrayList<>();
            List<FileListing> metadataFiles = new ArrayList<>();
            String license = "";
            DirectoryListing top = list(root, ".");
            for (FileListing file : top.files()) {
                if (KitfileLocator.isDefaultName(file.name())) {
                    continue;
                }
                String lower = file.name().toLowerCase(Locale.ROOT);
                if (lower.startsWith("readme")) {
                    docs.add(new Docs(file.name(), "Readme file", null));
                    continue;
                }
                if (lower.startsWith("license")) {
                    docs.add(new Docs(file.name(), "License file", null));
                    license = LicenseDetector.detect(root.resolve(file.name())).orElse("");
                    if (license.isEmpty()) {
                        listener.warn(root.resolve(file.name()) + ": unable to determine license type");
                    }
                    continue;
                }
                switch (fileType(file.path())) {
                    case MODEL -> modelFiles.add(file);
                    case METADATA -> metadataFiles.add(file);
                    case DOCS -> docs.add(new Docs(file.path(), null, null));
                    case DATASET -> datasets.add(dataset(file.path()));
                    case PROMPT -> prompts.add(new Prompt(file.path(), null, null, null));
                    case MCP_SERVER -> mcpServers.add(mcpServer(file.path()));
                    default -> catchAll = true;
                }
            }
            for (String subdirectory : top.subdirectories()) {
                if (!addDirectory(list(root.resolve(subdirectory), subdirectory))) {
                    unclassifiedDirectories.add(subdirectory);
                }
            }
            if (!modelFiles.isEmpty()) {
                chooseModel();
                metadataFiles.forEach(file -> parts.add(new ModelPart(null, file.path(), null, null, null)));
            } else {
                metadataFiles.forEach(file -> datasets.add(dataset(file.path())));
            }
            if (catchAll || unclassifiedDirectories.size() > MAX_SEPARATE_CODE_DIRECTORIES) {
                code.clear(); // one "." entry already holds what src/, lib/ and friends would
                code.add(new Code(".", null, null, null));
            } else {
                unclassifiedDirectories.forEach(path -> code.add(new Code(path, null, null, null)));
            }
            KitPackage kitPackage = new KitPackage(name, null, description, null, author == null || author.isEmpty()
                    ? List.of() : List.of(author));
            return attachLicense(license, kitPackage);
        }

        /** Where kit puts a detected license: the model, else a lone dataset, else a lone code entry, else the package. */
        private Kitfile attachLicense(String license, KitPackage kitPackage) {
            Model finalModel = model == null ? null : new Model(model.name(), model.path(), model.license(), null, null,
                    null, null, parts, null, null);
            KitPackage finalPackage = kitPackage;
            if (finalModel != null && !license.isEmpty()) {
                finalModel = new Model(finalModel.name(), finalModel.path(), license, null, null, null, null, parts, null, null);
            } else if (datasets.size() == 1) {
                Dataset only = datasets.get(0);
                datasets.set(0, new Dataset(only.name(), only.path(), null, null, null, license, null, null));
            } else if (code.size() == 1) {
                code.set(0, new Code(code.get(0).path(), null, license, null));
            } else {
                finalPackage = new KitPackage(kitPackage.name(), kitPackage.version(), kitPackage.description(), license,
                        kitPackage.authors());
            }
            return new Kitfile("1.0.0", finalPackage, finalModel, code, datasets, docs, prompts, mcpServers);
        }

        /** Classifies a top-level directory as a whole; false when it is left for the code section. */
        private boolean addDirectory(DirectoryListing dir) {
            if (dir.name().equals("docs")) {
                docs.add(new Docs(dir.path(), null, null));
                return true;
            }
            if (CODE_DIRECTORIES.contains(dir.name())) {
                code.add(new Code(dir.path(), null, null, null));
                return true;
            }
            Map<FileType, List<String>> contents = new EnumMap<>(FileType.class);
            for (FileType type : FileType.values()) {
                contents.put(type, new ArrayList<>());
            }
            contents.get(FileType.UNKNOWN).addAll(dir.subdirectories()); // deeper directories are not looked into
            List<FileListing> metadata = new ArrayList<>();
            for (FileListing file : dir.files()) {
                FileType type = fileType(file.name());
                if (type == FileType.MODEL) {
                    modelFiles.add(file); // kept even if the directory turns out mixed, as kit does
                } else if (type == FileType.METADATA) {
                    metadata.add(file);
                }
                contents.get(type).add(file.path());
            }
            FileType overall = FileType.UNKNOWN;
            boolean mixed = false;
            for (FileType type : FileType.values()) {
                if (!contents.get(type).isEmpty() && type != FileType.METADATA) {
                    mixed |= overall != FileType.UNKNOWN;
                    overall = type;
                }
            }
            if (mixed) {
                return false;
            }
            switch (overall) {
                case MODEL -> metadata.forEach(modelFiles::add);
                case DATASET -> datasets.add(dataset(dir.path()));
                case DOCS -> docs.add(new Docs(dir.path(), null, null));
                case PROMPT -> prompts.add(new Prompt(dir.path(), null, null, null));
                case MCP_SERVER -> contents.get(FileType.MCP_SERVER).forEach(path -> mcpServers.add(mcpServer(path)));
                default -> {
                    return false;
                }
            }
            return true;
        }

        /**
         * One file is the model (named after it); several are a split model (first in name order is the
         * model) unless the largest is over 1.5 times the average, which makes it the model and the rest
         * adapters. Either way the others become parts.
         */
        private void chooseModel() {
            if (modelFiles.size() == 1) {
                FileListing only = modelFiles.get(0);
                model = new Model(stem(only), only.path(), null, null, null, null, null, List.of(), null, null);
                return;
            }
            FileListing largest = null;
            long largestSize = 0;
            long total = 0;
            for (FileListing file : modelFiles) {
                if (file.size() > largestSize) {
                    largestSize = file.size();
                    largest = file;
                }
                total += file.size();
            }
            long average = total / modelFiles.size();
            boolean withAdapters = largestSize > average + average / 2;
            FileListing main = withAdapters ? largest : modelFiles.get(0);
            String name = withAdapters ? stem(main) : null;
            model = new Model(name, main.path(), null, null, null, null, null, List.of(), null, null);
            for (FileListing file : modelFiles) {
                if (!file.equals(main)) {
                    parts.add(new ModelPart(null, file.path(), null, null, null));
                }
            }
        }

        /** The path without the file name's extension, as kit names a model. */
        private static String stem(FileListing file) {
            int dot = file.name().lastIndexOf('.');
            String extension = dot >= 0 ? file.name().substring(dot) : "";
            return file.path().endsWith(extension) ? file.path().substring(0, file.path().length() - extension.length())
                    : file.path();
        }

        private static Dataset dataset(String path) {
            return new Dataset(null, path, null, null, null, null, null, null);
        }

        private static McpServer mcpServer(String path) {
            return new McpServer(path.substring(0, path.length() - ".mcpb".length()), path, null, null);
        }

        private static FileType fileType(String fileName) {
            String base = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (PROMPT_NAMES.contains(base) || base.contains(".prompt")) {
                return FileType.PROMPT; // first: prompts often end in .md or other known suffixes
            }
            if (endsWithAny(fileName, MODEL_SUFFIXES)) {
                return FileType.MODEL;
            }
            if (endsWithAny(fileName, METADATA_SUFFIXES)) {
                return FileType.METADATA;
            }
            if (endsWithAny(fileName, DOCS_SUFFIXES)) {
                return FileType.DOCS;
            }
            if (endsWithAny(fileName, DATASET_SUFFIXES)) {
                return FileType.DATASET;
            }
            if (endsWithAny(fileName, MCP_SUFFIXES)) {
                return FileType.MCP_SERVER;
            }
            return FileType.UNKNOWN;
        }

        private static boolean endsWithAny(String name, List<String> suffixes) {
            return suffixes.stream().anyMatch(name::endsWith);
        }

        /** A directory's regular files and subdirectories, in Go's ReadDir order; symlinks and the like are skipped. */
        private DirectoryListing list(Path directory, String path) {
            List<FileListing> files = new ArrayList<>();
            List<String> subdirectories = new ArrayList<>();
            List<Path> children;
            try (Stream<Path> stream = Files.list(directory)) {
                children = new ArrayList<>(stream.toList());
            } catch (IOException e) {
                throw new KitfileException(directory.toString(), null, null,
                        "failed to read directory " + directory + ": " + e.getMessage(), e);
            }
            children.sort((a, b) -> GoJson.compareUtf8(a.getFileName().toString(), b.getFileName().toString()));
            for (Path child : children) {
                String childName = child.getFileName().toString();
                String childPath = path.equals(".") ? childName : path + "/" + childName;
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw new KitfileException(child.toString(), null, null,
                            "failed to stat file " + child + ": " + e.getMessage(), e);
                }
                if (attributes.isDirectory()) {
                    subdirectories.add(childPath);
                } else if (attributes.isRegularFile()) {
                    files.add(new FileListing(childName, childPath, attributes.size()));
                }
            }
            String name = path.equals(".") ? "." : path.substring(path.lastIndexOf('/') + 1);
            return new DirectoryListing(name, path, files, subdirectories);
        }
    }
}
