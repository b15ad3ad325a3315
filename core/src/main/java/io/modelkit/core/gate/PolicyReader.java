package io.modelkit.core.gate;

import io.modelkit.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a gate policy strictly: unknown keys, wrong types, bad patterns, sizes and durations are errors
 * naming the file, line and column. A policy that cannot be read never turns into a passing gate.
 *
 * <pre>
 * version: 1
 * rules:
 *   - name: signed-by-ci
 *     kind: provenance        # provenance | hyperparameters | content | registry
 *     mode: enforce           # enforce (default) | audit
 *     keys: [sha256:...]
 *     minSignatures: 1
 * </pre>
 */
public final class PolicyReader {
    /** The Kitfile fields {@code requiredFields} may name. */
    public static final Set<String> KITFILE_FIELDS = Set.of("package.name", "package.version", "package.description",
            "package.license", "package.authors", "model.name", "model.path", "model.license", "model.framework",
            "model.format", "model.version", "model.description", "model.parameters");

    private static final Set<String> COMMON = Set.of("name", "kind", "mode");
    private static final Map<RuleKind, Set<String>> FIELDS = Map.of(
            RuleKind.PROVENANCE, Set.of("required", "keys", "minSignatures", "predicateTypes", "builderIds", "buildType",
                    "sourceRepository", "sourceRef", "maxAge", "externalParameters", "requireGitCommit", "datasetDigests"),
            RuleKind.HYPERPARAMETERS, Set.of("requireBaseline", "frozen", "tolerances", "noAdd", "noRemove",
                    "approvalRequired"),
            RuleKind.CONTENT, Set.of("requireBaseline", "datasetsUnchanged", "datasetsMustChange", "licenses",
                    "requiredDocs", "maxTotalSize", "requiredFields"),
            RuleKind.REGISTRY, Set.of("targetTagAbsentOrSame"));
    private static final Pattern FINGERPRINT = Pattern.compile("(?i)(sha256:)?[0-9a-f]{64}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?");

    private final String source;

    private PolicyReader(String source) {
        this.source = source;
    }

    /** Reads the policy in {@code file}. */
    public static Policy read(Path file) {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new PolicyException(source, 0, 0, Files.exists(file) ? "is not a regular file" : "no such policy file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(PolicyYaml.MAX_CHARS + 1);
            }
            return read(bytes, source);
        } catch (NoSuchFileException e) {
            throw new PolicyException(source, 0, 0, "no such policy file");
        } catch (IOException e) {
            throw new PolicyException(source, "cannot read policy: " + e.getMessage(), e);
        }
    }

    /** Reads a policy from its bytes; {@code source} names it in errors. */
    public static Policy read(byte[] bytes, String source) {
        if (bytes.length > PolicyYaml.MAX_CHARS) {
            throw new PolicyException(source, 0, 0, "is larger than 1 MiB; a policy this large is refused");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(source, 0, 0, "is not valid UTF-8 text");
        }
        PolicyNode root = PolicyYaml.parse(text, source);
        if (root == null) {
            throw new PolicyException(source, 0, 0, "is empty: a policy needs version: 1 and rules");
        }
        return new PolicyReader(source).policy(root, Digest.sha256(bytes));
    }

    private Policy policy(PolicyNode root, Digest digest) {
        PolicyNode.Mapping top = mapping(root);
        allowOnly(top, Set.of("version", "rules"));
        PolicyNode versionNode = require(top, "version");
        int version = (int) integer(versionNode);
        if (version != 1) {
            throw error(versionNode, "version: only version 1 is known, got " + version);
        }
        PolicyNode.Sequence rulesNode = sequence(require(top, "rules"));
        if (rulesNode.items().isEmpty()) {
            throw error(rulesNode, "rules: a policy needs at least one rule");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PolicyNode item : rulesNode.items()) {
            Rule rule = rule(mapping(item));
            if (!names.add(rule.name())) {
                throw error(item, item.path() + ".name: another rule is already named '" + rule.name() + "'");
            }
            rules.add(rule);
        }
        return new Policy(source, digest, version, rules);
    }

    private Rule rule(PolicyNode.Mapping node) {
        PolicyNode nameNode = require(node, "name");
        String name = string(nameNode);
        if (name.isBlank()) {
            throw error(nameNode, nameNode.path() + ": a rule name must not be blank");
        }
        PolicyNode kindNode = require(node, "kind");
        RuleKind kind = choice(kindNode, RuleKind.class);
        PolicyNode modeNode = node.entries().containsKey("mode") ? node.entries().get("mode").value() : null;
        Mode mode = modeNode == null ? Mode.ENFORCE : choice(modeNode, Mode.class);
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(FIELDS.get(kind));
        allowOnly(node, allowed);
        return switch (kind) {
            case PROVENANCE -> provenance(node, name, mode);
            case HYPERPARAMETERS -> new Rule.Hyperparameters(name, mode, bool(node, "requireBaseline", false),
                    globs(node, "frozen"), tolerances(node), globs(node, "noAdd"), globs(node, "noRemove"),
                    globs(node, "approvalRequired"));
            case CONTENT -> content(node, name, mode);
            case REGISTRY -> new Rule.Registry(name, mode, bool(node, "targetTagAbsentOrSame", true));
        };
    }

    private Rule.Provenance provenance(PolicyNode.Mapping node, String name, Mode mode) {
        List<String> keys = new ArrayList<>();
        PolicyNode keysNode = optional(node, "keys");
        if (keysNode != null) {
            for (PolicyNode item : sequence(keysNode).items()) {
                String text = string(item);
                if (!FINGERPRINT.matcher(text).matches()) {
                    throw error(item, item.path() + ": expected a key fingerprint sha256:<64 hex>, got '" + text + "'");
                }
                String hex = text.toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
                keys.add("sha256:" + hex);
            }
        }
        int minSignatures = 1;
        PolicyNode minNode = optional(node, "minSignatures");
        if (minNode != null) {
            long value = integer(minNode);
            int available = keys.isEmpty() ? Integer.MAX_VALUE : keys.size();
            if (value < 1 || value > available) {
                throw error(minNode, minNode.path() + ": expected 1.." + (keys.isEmpty() ? "n" : keys.size())
                        + " (of the keys listed), got " + value);
            }
            minSignatures = (int) value;
        }
        List<String> predicateTypes = strings(node, "predicateTypes");
        if (predicateTypes.isEmpty()) {
            predicateTypes = List.of(io.modelkit.core.provenance.SlsaProvenance.PREDICATE_TYPE);
        }
        PolicyNode buildType = optional(node, "buildType");
        PolicyNode maxAge = optional(node, "maxAge");
        return new Rule.Provenance(name, mode, bool(node, "required", true), keys, minSignatures, predicateTypes,
                strings(node, "builderIds"), buildType == null ? null : string(buildType),
                pattern(optional(node, "sourceRepository")), pattern(optional(node, "sourceRef")),
                maxAge == null ? null : duration(maxAge),
                optional(node, "externalParameters") == null ? null : strings(node, "externalParameters"),
                bool(node, "requireGitCommit", false),
                optional(node, "datasetDigests") == null ? null : digests(node, "datasetDigests"));
    }

    private Rule.Content content(PolicyNode.Mapping node, String name, Mode mode) {
        List<String> fields = strings(node, "requiredFields");
        PolicyNode fieldsNode = optional(node, "requiredFields");
        for (int i = 0; i < fields.size(); i++) {
            if (!KITFILE_FIELDS.contains(fields.get(i))) {
                PolicyNode item = sequence(fieldsNode).items().get(i);
                throw error(item, item.path() + ": unknown Kitfile field '" + fields.get(i) + "'; known: "
                        + String.join(", ", KITFILE_FIELDS.stream().sorted().toList()));
            }
        }
        PolicyNode size = optional(node, "maxTotalSize");
        return new Rule.Content(name, mode, bool(node, "requireBaseline", false), strings(node, "datasetsUnchanged"),
                strings(node, "datasetsMustChange"),
                optional(node, "licenses") == null ? null : strings(node, "licenses"),
                strings(node, "requiredDocs"), size == null ? null : size(size), fields);
    }

    private List<Rule.Tolerance> tolerances(PolicyNode.Mapping node) {
        PolicyNode list = optional(node, "tolerances");
        List<Rule.Tolerance> tolerances = new ArrayList<>();
        if (list == null) {
            return tolerances;
        }
        for (PolicyNode item : sequence(list).items()) {
            PolicyNode.Mapping entry = mapping(item);
            allowOnly(entry, Set.of("path", "absolute", "relative"));
            PathGlob path = PathGlob.of(string(require(entry, "path")));
            Double absolute = bound(optional(entry, "absolute"));
            Double relative = bound(optional(entry, "relative"));
            if (absolute == null && relative == null) {
                throw error(entry, entry.path() + ": a tolerance needs absolute, relative or both");
            }
            tolerances.add(new Rule.Tolerance(path, absolute, relative));
        }
        return tolerances;
    }

    private Double bound(PolicyNode node) {
        if (node == null) {
            return null;
        }
        PolicyNode.Scalar scalar = scalar(node);
        if (scalar.type() != PolicyNode.ScalarType.INTEGER && scalar.type() != PolicyNode.ScalarType.DECIMAL) {
            throw error(node, node.path() + ": expected a number, got " + node.describe());
        }
        double value = Double.parseDouble(scalar.text());
        if (value < 0 || !Double.isFinite(value)) {
            throw error(node, node.path() + ": expected a number of at least 0, got " + scalar.text());
        }
        return value;
    }

    // ---- typed access; every failure names the path, line and column ----

    private PolicyNode.Mapping mapping(PolicyNode node) {
        if (node instanceof PolicyNode.Mapping mapping) {
            return mapping;
        }
        throw error(node, where(node) + "expected a mapping, got " + node.describe());
    }

    private PolicyNode.Sequence sequence(PolicyNode node) {
        if (node instanceof PolicyNode.Sequence sequence) {
            return sequence;
        }
        throw error(node, where(node) + "expected a list, got " + node.describe());
    }

    private PolicyNode.Scalar scalar(PolicyNode node) {
        if (node instanceof PolicyNode.Scalar scalar) {
            return scalar;
        }
        throw error(node, where(node) + "expected a single value, got " + node.describe());
    }

    private String string(PolicyNode node) {
        if (!(node instanceof PolicyNode.Scalar scalar) || scalar.type() != PolicyNode.ScalarType.STRING) {
            throw error(node, where(node) + "expected a string, got " + node.describe());
        }
        return scalar.text();
    }

    private long integer(PolicyNode node) {
        PolicyNode.Scalar scalar = scalar(node);
        if (scalar.type() != PolicyNode.ScalarType.INTEGER) {
            throw error(node, where(node) + "expected an integer, got " + node.describe());
        }
        try {
            return Long.parseLong(scalar.text());
        } catch (NumberFormatException e) {
            throw error(node, where(node) + "integer out of range: " + scalar.text());
        }
    }

    private boolean bool(PolicyNode.Mapping node, String key, boolean absent) {
        PolicyNode value = optional(node, key);
        if (value == null) {
            return absent;
        }
        PolicyNode.Scalar scalar = scalar(value);
        if (scalar.type() != PolicyNode.ScalarType.BOOLEAN) {
            throw error(value, where(value) + "expected true or false, got " + value.describe());
        }
        return Boolean.parseBoolean(scalar.text());
    }

    private <E extends Enum<E>> E choice(PolicyNode node, Class<E> type) {
        String text = string(node);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw error(node, where(node) + "expected one of " + String.join(", ", names) + ", got '" + text + "'");
    }

    private List<String> strings(PolicyNode.Mapping node, String key) {
        PolicyNode list = optional(node, key);
        List<String> values = new ArrayList<>();
        if (list != null) {
            for (PolicyNode item : sequence(list).items()) {
                values.add(string(item));
            }
        }
        return values;
    }

    private List<PathGlob> globs(PolicyNode.Mapping node, String key) {
        return strings(node, key).stream().map(PathGlob::of).toList();
    }

    private List<String> digests(PolicyNode.Mapping node, String key) {
        List<String> values = strings(node, key);
        List<PolicyNode> items = sequence(optional(node, key)).items();
        for (int i = 0; i < values.size(); i++) {
            try {
                values.set(i, Digest.parse(values.get(i)).toString());
            } catch (RuntimeException e) {
                throw error(items.get(i), items.get(i).path() + ": expected a digest sha256:<64 hex>, got '"
                        + values.get(i) + "'");
            }
        }
        return values;
    }

    private Pattern pattern(PolicyNode node) {
        if (node == null) {
            return null;
        }
        String text = string(node);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw error(node, where(node) + "invalid pattern '" + text + "': " + e.getDescription());
        }
    }

    /** {@code 30m}, {@code 12h}, {@code 7d} or ISO-8601 ({@code P7D}, {@code PT12H}). */
    private Duration duration(PolicyNode node) {
        String text = string(node);
        Matcher shortForm = SHORT_DURATION.matcher(text);
        try {
            Duration duration;
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                duration = Duration.parse(text);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw error(node, where(node) + "a duration must be positive, got '" + text + "'");
            }
            return duration;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw error(node, where(node) + "expected a duration such as 30m, 12h, 7d or P7D, got '" + text + "'");
        }
    }

    /** Bytes, as an integer or with a unit: {@code 500MB}, {@code 10GiB}. */
    private long size(PolicyNode node) {
        PolicyNode.Scalar scalar = scalar(node);
        if (scalar.type() == PolicyNode.ScalarType.INTEGER) {
            long value = integer(node);
            if (value < 0) {
                throw error(node, where(node) + "a size must not be negative, got " + value);
            }
            return value;
        }
        Matcher matcher = scalar.type() == PolicyNode.ScalarType.STRING ? SIZE.matcher(scalar.text()) : null;
        if (matcher == null || !matcher.matches()) {
            throw error(node, where(node) + "expected a size such as 1048576, 500MB or 10GiB, got "
                    + (scalar.text() == null ? "null" : "'" + scalar.text() + "'"));
        }
        long unit = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
            case "KB" -> 1000L;
            case "MB" -> 1000L * 1000;
            case "GB" -> 1000L * 1000 * 1000;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(node, where(node) + "size out of range: '" + scalar.text() + "'");
        }
    }

    private PolicyNode require(PolicyNode.Mapping node, String key) {
        PolicyNode value = optional(node, key);
        if (value == null) {
            String path = node.path().isEmpty() ? key : node.path() + "." + key;
            throw error(node, path + ": required");
        }
        return value;
    }

    private static PolicyNode optional(PolicyNode.Mapping node, String key) {
        PolicyNode.Entry entry = node.entries().get(key);
        return entry == null ? null : entry.value();
    }

    private void allowOnly(PolicyNode.Mapping node, Set<String> allowed) {
        for (PolicyNode.Entry entry : node.entries().values()) {
            if (!allowed.contains(entry.key())) {
                String path = node.path().isEmpty() ? entry.key() : node.path() + "." + entry.key();
                throw new PolicyException(source, entry.line(), entry.column(), path + ": unknown key; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String where(PolicyNode node) {
        return node.path().isEmpty() ? "" : node.path() + ": ";
    }

    private PolicyException error(PolicyNode node, String detail) {
        return new PolicyException(source, node.line(), node.column(), detail);
    }
}
