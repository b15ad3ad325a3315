package io.modelkit.core.promote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads {@code .modelkit/stages.yaml} strictly: unknown or repeated keys, wrong types, aliases, unknown
 * or later {@code from} stages are errors naming the file, line and column.
 *
 * <pre>
 * version: 1
 * stages:
 *   - name: dev
 *     repository: registry.example.com/ml/fraud-dev
 *   - name: prod
 *     repository: registry.example.com/ml/fraud
 *     policy: gates/prod.yaml     # relative to this file
 *     from: dev
 *     tags: [champion]
 * </pre>
 */
public final class StagesReader {
    private static final int MAX_BYTES = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final String source;
    private final Path directory;
    private final JsonParser parser;

    private StagesReader(String source, Path directory, JsonParser parser) {
        this.source = source;
        this.directory = directory;
        this.parser = parser;
    }

    public static Stages read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelKitException(file + ": no such stages file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ModelKitException(file + ": larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelKitException(file + ": cannot read stages file: " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return read(new String(bytes, StandardCharsets.UTF_8), file.toString(), parent);
    }

    /** Reads stages from {@code text}; policy paths are resolved against {@code directory}. */
    public static Stages read(String text, String source, Path directory) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build();
        try (JsonParser parser = factory.createParser(text)) {
            StagesReader reader = new StagesReader(source, directory, parser);
            return reader.root();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
            throw at == null ? new ModelKitException(source + ": " + message, e)
                    : new ModelKitException(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message, e);
        } catch (IOException e) {
            throw new ModelKitException(source + ": cannot read stages: " + e.getMessage(), e);
        }
    }

    private Stages root() throws IOException {
        JsonToken first = next();
        if (first == null) {
            throw new ModelKitException(source + ": empty; expected a mapping with 'stages'");
        }
        expect(first, JsonToken.START_OBJECT, "the document", "a mapping with 'stages'");
        List<Stage> stages = null;
        Set<String> seen = new HashSet<>();
        for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
            String key = key(seen, "");
            switch (key) {
                case "version" -> {
                    JsonToken value = next();
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 1) {
                        throw error("version: expected 1, got " + text(value));
                    }
                }
                case "stages" -> stages = stages();
                default -> throw error("unknown key '" + key + "' (expected version, stages)", keyAt);
            }
        }
        if (next() != null) {
            throw error("a second YAML document follows; a stages file holds exactly one");
        }
        if (stages == null || stages.isEmpty()) {
            throw new ModelKitException(source + ": 'stages' is missing or empty");
        }
        return new Stages(source, stages);
    }

    private List<Stage> stages() throws IOException {
        expect(next(), JsonToken.START_ARRAY, "stages", "a list");
        List<Stage> stages = new ArrayList<>();
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            String path = "stages[" + stages.size() + "]";
            expect(token, JsonToken.START_OBJECT, path, "a mapping");
            JsonLocation start = parser.currentTokenLocation();
            String name = null;
            String repository = null;
            Path policy = null;
            String from = null;
            JsonLocation fromAt = null;
            List<String> tags = List.of();
            Set<String> seen = new HashSet<>();
            for (JsonToken field = next(); field != JsonToken.END_OBJECT; field = next()) {
                String key = key(seen, path + ".");
                switch (key) {
                    case "name" -> {
                        name = string(path + ".name");
                        if (!NAME.matcher(name).matches()) {
                            throw error(path + ".name: '" + name + "' is not a stage name (lowercase letters, digits, . _ -)");
                        }
                        String n = name;
                        if (stages.stream().anyMatch(s -> s.name().equals(n))) {
                            throw error(path + ".name: duplicate stage '" + name + "'");
                        }
                    }
                    case "repository" -> {
                        repository = string(path + ".repository");
                        if (repository.contains("@") || repository.substring(repository.lastIndexOf('/') + 1).contains(":")
                                || !repository.contains("/")) {
                            throw error(path + ".repository: expected host/repository without tag or digest, got '"
                                    + repository + "'");
                        }
                    }
                    case "policy" -> policy = directory.resolve(string(path + ".policy")).normalize();
                    case "from" -> {
                        from = string(path + ".from");
                        fromAt = parser.currentTokenLocation();
                    }
                    case "tags" -> tags = tags(path + ".tags");
                    default -> throw error(path + ": unknown key '" + key + "' (expected name, repository, policy, from, tags)",
                            keyAt);
                }
            }
            if (name == null || repository == null) {
                throw error(path + ": needs " + (name == null ? "name" : "repository"), start);
            }
            Reference parsed;
            try {
                parsed = Reference.parse(repository + ":" + name);
            } catch (ModelKitException e) {
                throw error(path + ".repository: " + e.getMessage(), start);
            }
            if (parsed.hasDefaultRegistry()) {
                throw error(path + ".repository: '" + repository + "' names no registry host", start);
            }
            if (from != null) {
                String wanted = from;
                if (stages.stream().noneMatch(s -> s.name().equals(wanted))) {
                    throw error(path + ".from: no earlier stage '" + from + "'", fromAt);
                }
            } else if (!stages.isEmpty()) {
                throw error(path + ": needs 'from' (only the first stage has none)", start);
            }
            stages.add(new Stage(name, parsed.registry(), parsed.repository(), policy, from, tags));
        }
        return stages;
    }

    private List<String> tags(String path) throws IOException {
        expect(next(), JsonToken.START_ARRAY, path, "a list of tags");
        List<String> tags = new ArrayList<>();
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            String item = path + "[" + tags.size() + "]";
            if (token != JsonToken.VALUE_STRING) {
                throw error(item + ": expected a tag, got " + text(token));
            }
            String tag = parser.getText();
            if (!TAG.matcher(tag).matches()) {
                throw error(item + ": '" + tag + "' is not a valid tag");
            }
            tags.add(tag);
        }
        return tags;
    }

    private JsonLocation keyAt;

    private String key(Set<String> seen, String prefix) throws IOException {
        keyAt = parser.currentTokenLocation();
        String key = parser.currentName();
        if (!seen.add(key)) {
            throw error("duplicate key '" + prefix + key + "'", keyAt);
        }
        return key;
    }

    private String string(String path) throws IOException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
            throw error(path + ": expected a non-empty string, got " + text(token));
        }
        return parser.getText();
    }

    private void expect(JsonToken token, JsonToken wanted, String path, String what) throws IOException {
        if (token != wanted) {
            throw error(path + ": expected " + what + ", got " + text(token));
        }
    }

    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != null && parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw error("an alias (*" + parser.getText() + "); a stages file spells every value out");
        }
        return token;
    }

    private String text(JsonToken token) throws IOException {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "null";
            default -> "'" + parser.getText() + "'";
        };
    }

    private ModelKitException error(String message) {
        return error(message, parser.currentTokenLocation());
    }

    private ModelKitException error(String message, JsonLocation at) {
        return new ModelKitException(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
    }
}
