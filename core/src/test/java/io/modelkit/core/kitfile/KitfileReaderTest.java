package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelkit.core.json.GoJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitfileReaderTest {

    private static Kitfile read(String yaml) {
        return KitfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "Kitfile");
    }

    private static String parametersJson(String parametersYaml) {
        Kitfile kitfile = read("model:\n  parameters:\n" + parametersYaml.indent(4));
        return GoJson.writeString(kitfile.model().parameters());
    }

    @Test
    void shouldReadEverySection() {
        Kitfile kitfile = read("""
                manifestVersion: 1.0.0
                package:
                  name: demo
                  version: 1.2.3
                  description: A demo
                  license: Apache-2.0
                  authors: [Jane, Bob]
                model:
                  name: m1
                  path: models/m1.gguf
                  license: MIT
                  framework: pytorch
                  format: gguf
                  version: "2"
                  description: the model
                  parts:
                    - name: lora
                      path: adapters/
                      license: MIT
                      type: lora
                  parameters: {lr: 0.001, epochs: 3}
                code: [{path: src/, description: sources, license: MIT}]
                datasets:
                  - name: train
                    path: data/train.csv
                    description: training data
                    license: CC-BY-4.0
                    parameters: {rows: 10}
                  - name: remote
                    path: data/remote
                    remotePath: s3://bucket/key
                    remoteHash: abc
                docs: [{path: README.md, description: readme}]
                prompts: [{name: system, path: system.prompt.md, description: the system prompt}]
                mcpServers: [{name: fs, path: fs.mcpb, description: files}]
                """);

        assertThat(kitfile.manifestVersion()).isEqualTo("1.0.0");
        assertThat(kitfile.kitPackage()).isEqualTo(new KitPackage("demo", "1.2.3", "A demo", "Apache-2.0",
                List.of("Jane", "Bob")));
        assertThat(kitfile.model().parts()).containsExactly(new ModelPart("lora", "adapters/", "MIT", "lora", null));
        assertThat(kitfile.model().version()).isEqualTo("2");
        assertThat(GoJson.writeString(kitfile.model().parameters())).isEqualTo("{\"epochs\":3,\"lr\":0.001}");
        assertThat(kitfile.code()).containsExactly(new Code("src/", "sources", "MIT", null));
        assertThat(kitfile.datasets().get(1)).isEqualTo(new Dataset("remote", "data/remote", "s3://bucket/key", "abc",
                null, null, null, null));
        assertThat(kitfile.docs()).containsExactly(new Docs("README.md", "readme", null));
        assertThat(kitfile.prompts()).containsExactly(new Prompt("system.prompt.md", "the system prompt", "system", null));
        assertThat(kitfile.mcpServers()).containsExactly(new McpServer("fs", "fs.mcpb", "files", null));
    }

    @Test
    void shouldNameUnknownFieldWithItsLineAndPlace() {
        assertThatThrownBy(() -> read("""
                manifestVersion: 1.0.0
                model:
                  path: m
                  parts:
                    - path: a
                    - paht: b
                """))
                .isInstanceOf(KitfileException.class)
                .hasMessageStartingWith("Kitfile line 6: unknown field \"paht\" in model.parts[1]")
                .hasMessageContaining("known fields: name, path, license, type")
                .satisfies(e -> {
                    KitfileException error = (KitfileException) e;
                    assertThat(error.line()).hasValue(6);
                    assertThat(error.field()).hasValue("model.parts[1].paht");
                    assertThat(error.sourceName()).isEqualTo("Kitfile");
                });
    }

    @Test
    void shouldRefuseUnknownTopLevelFieldsAndDigestsInYaml() {
        assertThatThrownBy(() -> read("manifestVersion: 1.0.0\nmodle: {}\n"))
                .hasMessageStartingWith("Kitfile line 2: unknown field \"modle\" at the top level");
        assertThatThrownBy(() -> read("code:\n  - path: src\n    digest: sha256:00\n"))
                .hasMessageStartingWith("Kitfile line 3: unknown field \"digest\" in code[0]");
    }

    @Test
    void shouldNameWrongTypesWithFieldAndLine() {
        assertThatThrownBy(() -> read("model:\n  parts:\n    path: a\n"))
                .isInstanceOf(KitfileException.class)
                .hasMessage("Kitfile line 3: model.parts must be a list of maps, not a map");
        assertThatThrownBy(() -> read("package:\n  name: [a, b]\n"))
                .hasMessage("Kitfile line 2: package.name must be a string, not a list");
        assertThatThrownBy(() -> read("model: just-a-path\n"))
                .hasMessage("Kitfile line 1: model must be a map of fields, not the value `just-a-path`");
        assertThatThrownBy(() -> read("- a\n- b\n"))
                .hasMessage("Kitfile line 1: the Kitfile must be a map of fields, not a list");
        assertThatThrownBy(() -> read("code: [src]\n"))
                .hasMessage("Kitfile line 1: code[0] must be a map of fields, not the value `src`");
    }

    @Test
    void shouldRefuseDuplicateKeys() {
        assertThatThrownBy(() -> read("package:\n  name: a\n  \"name\": b\n"))
                .hasMessage("Kitfile line 3: mapping key \"name\" already defined at line 2 in package");
    }

    @Test
    void shouldReadManifestVersionAndOtherScalarsAsTheirText() {
        Kitfile kitfile = read("manifestVersion: 1.0\npackage:\n  name: 0xFF\n  version: 1.10\n  description: true\n"
                + "  license: ~\n  authors: [yes, 12, null, '']\n");

        assertThat(kitfile.manifestVersion()).isEqualTo("1.0");
        assertThat(kitfile.kitPackage().name()).isEqualTo("0xFF");
        assertThat(kitfile.kitPackage().version()).isEqualTo("1.10");
        assertThat(kitfile.kitPackage().description()).isEqualTo("true");
        assertThat(kitfile.kitPackage().license()).isNull();
        // yaml.v3 drops null items of a []string; an empty string stays
        assertThat(kitfile.kitPackage().authors()).containsExactly("yes", "12", "");
    }

    @Test
    void shouldDropNullEntriesOfTypedLists() {
        Kitfile kitfile = read("code:\n  - ~\n  - path: src\n  -\n");

        assertThat(kitfile.code()).containsExactly(new Code("src", null, null, null));
    }

    @Test
    void shouldTellAnEmptyModelFromNoModel() {
        assertThat(read("model:\n").model()).isNull();
        assertThat(read("model: {}\n").model()).isEqualTo(new Model(null, null, null, null, null, null, null,
                List.of(), null, null));
    }

    @Test
    void shouldNormaliseParametersAsGoStoresThem() {
        assertThat(parametersJson("""
                z: 1
                hex: 0xFF
                octal: 0o17
                oldOctal: 017
                binary: 0b101
                underscores: 1_000
                exp: 1.2e+3
                float: 12.3
                tiny: 1.0e-7
                big: 18446744073709551615
                huge: 99999999999999999999
                words: [yes, no, on, off, y, n]
                bools: [true, True, FALSE]
                nulls: [~, null, Null]
                quoted: ["12", '0xFF']
                date: 2001-12-14
                time: 2001-12-14t21:59:43.10-05:00
                spaced: 2001-12-14 21:59:43.10
                notDate: 2001-02-30
                a10: x
                a2: y
                """)).isEqualTo("{\"a10\":\"x\",\"a2\":\"y\",\"big\":18446744073709551615,\"binary\":5,"
                + "\"bools\":[true,true,false],\"date\":\"2001-12-14T00:00:00Z\",\"exp\":1200,\"float\":12.3,"
                + "\"hex\":255,\"huge\":100000000000000000000,\"notDate\":\"2001-02-30\",\"nulls\":[null,null,null],"
                + "\"octal\":15,\"oldOctal\":15,\"quoted\":[\"12\",\"0xFF\"],\"spaced\":\"2001-12-14T21:59:43.1Z\","
                + "\"time\":\"2001-12-14T21:59:43.1-05:00\",\"tiny\":1e-7,\"underscores\":1000,"
                + "\"words\":[\"yes\",\"no\",\"on\",\"off\",\"y\",\"n\"],\"z\":1}");
    }

    @Test
    void shouldKeepEmptyParametersButDropNullOnes() {
        assertThat(read("model:\n  parameters: {}\n").model().parameters().isObject()).isTrue();
        assertThat(read("model:\n  parameters: ''\n").model().parameters().textValue()).isEmpty();
        assertThat(read("model:\n  parameters: ~\n").model().parameters()).isNull();
    }

    @Test
    void shouldRefuseParametersJsonCannotHold() {
        assertThatThrownBy(() -> read("model:\n  parameters:\n    lr: .inf\n"))
                .hasMessageStartingWith("Kitfile line 3: model.parameters.lr is `.inf`, which kit cannot store: "
                        + "JSON has no NaN or infinity");
        assertThatThrownBy(() -> read("datasets:\n  - parameters:\n      1: one\n"))
                .hasMessageStartingWith("Kitfile line 3: datasets[0].parameters has the key `1`, which YAML reads as !!int, "
                        + "not a string");
        assertThatThrownBy(() -> read("model:\n  parameters:\n    n: !!int abc\n"))
                .hasMessage("Kitfile line 3: model.parameters.n: cannot decode !!str `abc` as a !!int");
    }

    @Test
    void shouldHonourTagsAnchorsAliasesAndMergeKeys() {
        Kitfile kitfile = read("""
                package:
                  name: &name demo
                  description: *name
                model:
                  parameters:
                    base: &base {lr: 0.1, epochs: 3}
                    tuned:
                      <<: *base
                      lr: 0.2
                    text: !!str 123
                    float: !!float 3
                    blob: !!binary aGVsbG8=
                code:
                  - &src {path: src, license: MIT}
                  - <<: *src
                    path: lib
                """);

        assertThat(kitfile.kitPackage().description()).isEqualTo("demo");
        assertThat(GoJson.writeString(kitfile.model().parameters())).isEqualTo("{\"base\":{\"epochs\":3,\"lr\":0.1},"
                + "\"blob\":\"hello\",\"float\":3,\"text\":\"123\",\"tuned\":{\"epochs\":3,\"lr\":0.2}}");
        assertThat(kitfile.code()).containsExactly(new Code("src", null, "MIT", null), new Code("lib", null, "MIT", null));
    }

    @Test
    void shouldRefuseAMergeOfSomethingElseThanMaps() {
        assertThatThrownBy(() -> read("model:\n  <<: [a, b]\n"))
                .hasMessage("Kitfile line 2: a merge key (<<) in model needs a map or a list of maps as its value");
    }

    @Test
    void shouldReadUtf16WithByteOrderMarkAndSkipAUtf8One() {
        byte[] utf16 = "manifestVersion: 1.0.0\npackage: {name: ünï}\n".getBytes(StandardCharsets.UTF_16);
        byte[] utf8 = ("\uFEFFmanifestVersion: 1.0.0\n").getBytes(StandardCharsets.UTF_8);

        assertThat(KitfileReader.read(utf16, "Kitfile").kitPackage().name()).isEqualTo("ünï");
        assertThat(KitfileReader.read(utf8, "Kitfile").manifestVersion()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRefuseInvalidInput() {
        assertThatThrownBy(() -> KitfileReader.read(new byte[] {'a', ':', ' ', (byte) 0xC3, 0x28}, "Kitfile"))
                .hasMessage("Kitfile: is not valid UTF-8 text");
        assertThatThrownBy(() -> read("# only a comment\n"))
                .hasMessage("Kitfile: is empty: it holds no YAML document");
        assertThatThrownBy(() -> read("manifestVersion: 1.0.0\n---\nmanifestVersion: 2\n"))
                .hasMessage("Kitfile line 3: a second YAML document starts here; a Kitfile holds exactly one document");
        assertThatThrownBy(() -> read("model:\n  path: [a\n"))
                .isInstanceOf(KitfileException.class)
                .hasMessageStartingWith("Kitfile line 3: not valid YAML: ");
        assertThatThrownBy(() -> read("a: *nowhere\n"))
                .hasMessage("Kitfile line 1: unknown anchor 'nowhere' referenced");
    }

    @Test
    void shouldReadAnEmptyDocumentAsAnEmptyKitfile() {
        Kitfile kitfile = read("---\n");

        assertThat(kitfile.manifestVersion()).isNull();
        assertThat(kitfile.kitPackage().isEmpty()).isTrue();
        assertThat(kitfile.layerEntries()).isEmpty();
    }

    @Test
    void shouldReadAFileAndNameItInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Kitfile");
        Files.writeString(file, "manifestVersion: 1.0.0\ncode:\n  - path: src\n    bogus: 1\n");

        assertThatThrownBy(() -> KitfileReader.read(file))
                .hasMessageStartingWith(file + " line 4: unknown field \"bogus\" in code[0]");
        assertThatThrownBy(() -> KitfileReader.read(dir.resolve("missing")))
                .hasMessage(dir.resolve("missing") + ": no such Kitfile");
        assertThatThrownBy(() -> KitfileReader.read(dir))
                .hasMessage(dir + ": is a directory, not a Kitfile");
    }

    @Test
    void shouldKeepTheTextOfQuotedAndBlockScalars() {
        Kitfile kitfile = read("model:\n  description: |\n    line one\n    line two\n  parameters:\n"
                + "    folded: >\n      a\n      b\n    literal: \"1.0\"\n");

        assertThat(kitfile.model().description()).isEqualTo("line one\nline two\n");
        JsonNode parameters = kitfile.model().parameters();
        assertThat(parameters.get("folded").textValue()).isEqualTo("a b\n");
        assertThat(parameters.get("literal").textValue()).isEqualTo("1.0");
    }
}
