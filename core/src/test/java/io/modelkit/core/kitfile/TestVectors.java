package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The KitOps test vectors copied under {@code src/test/resources/kitops}, read as plain YAML data. */
final class TestVectors {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TestVectors() {
    }

    /** The {@code .yaml} files of a vector directory, such as {@code pkg/artifact/testdata/parameters}. */
    static List<Path> yamlFiles(String directory) {
        URL url = TestVectors.class.getResource("/kitops/" + directory);
        if (url == null) {
            throw new IllegalStateException("missing test vectors: " + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A vector file as a tree. */
    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
