package io.modelkit.core.kitfile;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.json.GoJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kit's {@code KitFile.Validate}, rule for rule and message for message: paths (empty means ".",
 * compared after {@code filepath.Clean}) may not repeat across entries, be absolute, leave the context
 * directory, or be URLs; ModelKit references only in {@code model.path} and {@code datasets[].remotePath};
 * {@code s3://} only in {@code remotePath} and then with {@code remoteHash}; part types match
 * {@code ^[\w][\w.-]*$} within 64 bytes; MCP servers are named uniquely and point at one {@code .mcpb} file.
 */
public final class KitfileValidator {
    private static final int PART_TYPE_MAX_BYTES = 64;
    private static final Pattern PART_TYPE = Pattern.compile("\\w[\\w.-]*");

    private KitfileValidator() {
    }

    /**
     * Reports warnings to {@code listener} and throws a {@link KitfileException} listing every problem,
     * sorted, one {@code "  * msg"} line each under a line naming {@code sourceName}.
     */
    public static void validate(Kitfile kitfile, String sourceName, ProgressListener listener) {
        for (String warning : warnings(kitfile)) {
            listener.warn(sourceName + ": " + warning);
        }
        List<String> problems = problems(kitfile);
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("errors while validating Kitfile ").append(sourceName).append(':');
            problems.forEach(problem -> message.append("\n  * ").append(problem));
            throw new KitfileException(sourceName, null, null, message.toString());
        }
    }

    /** kit's warnings: an unknown manifestVersion, a remoteHash that a ModelKit reference makes pointless. */
    public static List<String> warnings(Kitfile kitfile) {
        List<String> warnings = new ArrayList<>();
        if (!"1.0.0".equals(kitfile.manifestVersion())) {
            warnings.add("Unrecognized manifestVersion " + Texts.orEmpty(kitfile.manifestVersion())
                    + ": treating Kitfile as 1.0.0");
        }
        for (Dataset dataset : kitfile.datasets()) {
            if (dataset.remotePath() != null && dataset.remoteHash() != null
                    && PathKind.of(dataset.remotePath()).is(PathKind.Kind.MODELKIT_REFERENCE)) {
                warnings.add("remoteHash is ignored for ModelKit references in datasets (" + Texts.orEmpty(dataset.path()) + ")");
            }
        }
        return warnings;
    }

    /** Every problem kit would report, sorted as kit sorts them (by UTF-8 bytes); empty when valid. */
    public static List<String> problems(Kitfile kitfile) {
        return new Run(kitfile).problems();
    }

    /** One validation pass; paths remember which entries use them, in the order kit adds them. */
    private static final class Run {
        private final Kitfile kitfile;
        private final List<String> errors = new ArrayList<>();
        private final Map<String, List<String>> paths = new LinkedHashMap<>();
        private final List<String> remoteDatasetPaths = new ArrayList<>();

        Run(Kitfile kitfile) {
            this.kitfile = kitfile;
        }

        List<String> problems() {
            Model model = kitfile.model();
            if (model != null) {
                checkModel(model);
            }
            for (int i = 0; i < kitfile.code().size(); i++) {
                String path = Texts.orEmpty(kitfile.code().get(i).path());
                addPath(path, "code layer " + i);
                checkLocal(path, "code");
            }
            for (int i = 0; i < kitfile.datasets().size(); i++) {
                checkDataset(kitfile.datasets().get(i), i);
            }
            for (int i = 0; i < kitfile.docs().size(); i++) {
                String path = Texts.orEmpty(kitfile.docs().get(i).path());
                addPath(path, "docs layer " + i);
                checkLocal(path, "doc");
            }
            for (int i = 0; i < kitfile.prompts().size(); i++) {
                String path = Texts.orEmpty(kitfile.prompts().get(i).path());
                addPath(path, "prompt layer " + i);
                checkLocal(path, "prompt");
            }
            checkMcpServers();
            checkPaths();
            List<String> sorted = new ArrayList<>(errors);
            sorted.sort(GoJson::compareUtf8);
            return sorted;
        }

        private void checkModel(Model model) {
            String path = Texts.orEmpty(model.path());
            addPath(path, "model " + Texts.orEmpty(model.name()));
            PathKind kind = PathKind.of(path);
            if (kind.error() != null) {
                errors.add("invalid path for model: " + kind.error());
            }
            if (!kind.is(PathKind.Kind.LOCAL) && !kind.is(PathKind.Kind.MODELKIT_REFERENCE)) {
                errors.add("invalid path for model: only local paths and ModelKit references are permitted");
            }
            for (ModelPart part : model.parts()) {
                String partPath = Texts.orEmpty(part.path());
                addPath(partPath, "modelpart " + Texts.orEmpty(part.name()));
                checkLocal(partPath, "model part");
                if (part.type() != null) {
                    if (!PART_TYPE.matcher(part.type()).matches()) {
                        errors.add("modelpart " + Texts.orEmpty(part.name())
                                + " has invalid type (must be alphanumeric with dots, dashes, and underscores)");
                    }
                    if (part.type().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PART_TYPE_MAX_BYTES) {
                        errors.add("modelpart " + Texts.orEmpty(part.name()) + " type is too long (must be fewer than "
                                + PART_TYPE_MAX_BYTES + " characters)");
                    }
                }
            }
        }

        private void checkDataset(Dataset dataset, int index) {
            String path = Texts.orEmpty(dataset.path());
            addPath(path, "dataset layer " + index);
            checkLocal(path, "dataset");
            if (dataset.remotePath() == null) {
                if (dataset.remoteHash() != null) {
                    errors.add("remote hash is only applicable when remotePath is set");
                }
                return;
            }
            PathKind remote = PathKind.of(dataset.remotePath());
            if (remote.error() != null) {
                errors.add("invalid remote path for dataset (" + dataset.remotePath() + "): " + remote.error());
            }
            switch (remote.kind()) {
                case S3 -> {
                    if (dataset.remoteHash() == null) {
                        errors.add("remoteHash is required when remote dataset paths are used (" + dataset.remotePath() + ")");
                    }
                }
                case MODELKIT_REFERENCE -> remoteDatasetPaths.add(GoPaths.clean(path));
                default -> errors.add("only S3 URLs and ModelKit references are supported for remote dataset paths ("
                        + dataset.remotePath() + ")");
            }
        }

        private void checkMcpServers() {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < kitfile.mcpServers().size(); i++) {
                McpServer server = kitfile.mcpServers().get(i);
                String path = Texts.orEmpty(server.path());
                addPath(path, "mcpServer layer " + i);
                PathKind kind = PathKind.of(path);
                if (kind.error() != null) {
                    errors.add("invalid path for mcpServer (" + path + "): " + kind.error());
                }
                if (!kind.is(PathKind.Kind.LOCAL)) {
                    errors.add("invalid path for mcpServer (" + path + "): only local paths are permitted");
                } else if (!path.endsWith(".mcpb")) {
                    errors.add("invalid path for mcpServer (" + path + "): path must point to a single .mcpb file");
                }
                if (server.name() == null) {
                    errors.add("mcpServer with path " + path + " must have a name");
                } else if (!names.add(server.name())) {
                    errors.add("duplicate mcpServer name " + server.name() + ": names must be unique");
                }
            }
        }

        /** A path of a section that only takes local paths. */
        private void checkLocal(String path, String section) {
            PathKind kind = PathKind.of(path);
            if (kind.error() != null) {
                errors.add("invalid path for " + section + " (" + path + "): " + kind.error());
            }
            if (!kind.is(PathKind.Kind.LOCAL)) {
                errors.add("invalid path for " + section + " (" + path + "): only local paths are permitted");
            }
        }

        private void addPath(String path, String source) {
            String cleaned = GoPaths.clean(path.isEmpty() ? "." : path);
            paths.computeIfAbsent(cleaned, key -> new ArrayList<>()).add(source);
        }

        private void checkPaths() {
            for (Map.Entry<String, List<String>> entry : paths.entrySet()) {
                String layerPath = entry.getKey();
                List<String> users = entry.getValue();
                if (users.size() > 1) {
                    errors.add(String.join(", ", users.subList(0, users.size() - 1)) + " and " + users.get(users.size() - 1)
                            + " use the same path " + layerPath);
                }
                if (GoPaths.isAbs(layerPath)) {
                    errors.add("absolute paths are not supported in a Kitfile (path " + layerPath + " in " + users.get(0) + ")");
                } else if (PathKind.of(layerPath).is(PathKind.Kind.LOCAL) && !GoPaths.isLocal(layerPath)) {
                    errors.add("paths outside the context directory are not supported in a Kitfile (path " + layerPath
                            + " in " + users.get(0) + ")");
                }
                for (String remotePath : remoteDatasetPaths) {
                    if (remotePath.equals(layerPath)) {
                        continue;
                    }
                    String relative = GoPaths.rel(remotePath, layerPath);
                    if (relative == null) {
                        errors.add("error calculating relative path for remote dataset: Rel: can't make " + layerPath
                                + " relative to " + remotePath);
                    } else if (!relative.equals("..") && !relative.startsWith("../")) {
                        errors.add(users.get(0) + " uses a path (" + layerPath + ") that is within the path for a remote dataset");
                    }
                }
            }
        }
    }
}
