package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitfileGeneratorTest {
    private static final String APACHE = """
                                     Apache License
                               Version 2.0, January 2004
                            http://www.apache.org/licenses/
            TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION
            """;

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void shouldNameTheModelAfterTheOnlyWeightsFileAndGiveItTheLicense(@TempDir Path dir) throws IOException {
        write(dir, "weights/model.safetensors", "x");
        write(dir, "LICENSE", APACHE);

        Kitfile kitfile = KitfileGenerator.generate(dir, "demo", "A demo", "Jane");

        assertThat(kitfile.kitPackage()).isEqualTo(new KitPackage("demo", null, "A demo", null, List.of("Jane")));
        assertThat(kitfile.model()).isEqualTo(new Model("weights/model", "weights/model.safetensors", "Apache-2.0",
                null, null, null, null, List.of(), null, null));
        assertThat(kitfile.docs()).containsExactly(new Docs("LICENSE", "License file", null));
    }

    @Test
    void shouldGiveTheLicenseToALoneDatasetOrThePackage(@TempDir Path dir) throws IOException {
        write(dir, "train.csv", "a,b");
        write(dir, "LICENSE.txt", "Permission is hereby granted, free of charge, to any person obtaining a copy of this"
                + "\nsoftware ... The above copyright notice and this permission notice shall be included in all copies.");

        Kitfile kitfile = KitfileGenerator.generate(dir, null, null, null);

        assertThat(kitfile.datasets()).containsExactly(new Dataset(null, "train.csv", null, null, null, "MIT", null, null));
        assertThat(kitfile.kitPackage().isEmpty()).isTrue();
    }

    @Test
    void shouldWarnWhenTheLicenseCannotBeNamed(@TempDir Path dir) throws IOException {
        write(dir, "LICENSE", "All rights reserved.");
        List<String> warnings = new ArrayList<>();

        Kitfile kitfile = KitfileGenerator.generate(dir, null, null, null, new ProgressListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        });

        assertThat(kitfile.kitPackage().license()).isNull();
        assertThat(warnings).containsExactly(dir.resolve("LICENSE") + ": unable to determine license type");
    }

    @Test
    void shouldMakeTheLargestWeightsTheModelAndTheRestAdapters(@TempDir Path dir) throws IOException {
        write(dir, "adapter.gguf", "a");
        write(dir, "base.gguf", "b".repeat(100));
        write(dir, "config.json", "{}");

        Kitfile kitfile = KitfileGenerator.generate(dir, null, null, null);

        assertThat(kitfile.model().name()).isEqualTo("base");
        assertThat(kitfile.model().path()).isEqualTo("base.gguf");
        assertThat(kitfile.model().parts()).extracting(ModelPart::path).containsExactly("adapter.gguf", "config.json");
    }

    @Test
    void shouldPutManyUnknownDirectoriesInOneCatchAllCodeEntry(@TempDir Path dir) throws IOException {
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            write(dir, name + "/run.sh", "echo");
        }
        write(dir, "src/main.py", "print()");

        Kitfile kitfile = KitfileGenerator.generate(dir, null, null, null);

        assertThat(kitfile.code()).containsExactly(new Code(".", null, null, null));
    }

    @Test
    void shouldSkipSymbolicLinks(@TempDir Path dir) throws IOException {
        write(dir, "real.csv", "a");
        Files.createSymbolicLink(dir.resolve("link.gguf"), dir.resolve("real.csv"));

        Kitfile kitfile = KitfileGenerator.generate(dir, null, null, null);

        assertThat(kitfile.model()).isNull();
        assertThat(kitfile.datasets()).extracting(Dataset::path).containsExactly("real.csv");
    }

    @Test
    void shouldRefuseAFile(@TempDir Path dir) throws IOException {
        write(dir, "file", "x");

        assertThatThrownBy(() -> KitfileGenerator.generate(dir.resolve("file"), null, null, null))
                .isInstanceOf(KitfileException.class)
                .hasMessage(dir.resolve("file") + ": is not a directory; a Kitfile can only be generated for one");
    }
}
