package io.modelkit.core.kitfile;

import static io.modelkit.core.kitfile.KitfileTestData.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KitfileYamlTest {

    private static Kitfile withParameters(JsonNode parameters) {
        return new Kitfile("1.0.0", null, new Model(null, null, null, null, null, null, null, List.of(), parameters, null),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static String parametersYaml(JsonNode parameters) {
        String yaml = KitfileYaml.write(withParameters(parameters));
        return yaml.substring(yaml.indexOf("  parameters:"));
    }

    private static Kitfile reread(Kitfile kitfile) {
        return KitfileReader.read(KitfileYaml.write(kitfile).getBytes(StandardCharsets.UTF_8), "Kitfile");
    }

    @Test
    void shouldWriteEverySectionAsKitDoes() {
        assertThat(KitfileYaml.write(KitfileTestData.everything())).isEqualTo("""
                manifestVersion: 1.0.0
                package:
                  name: demo
                  version: 1.2.3
                  description: A demo
                  license: Apache-2.0
                  authors: [Jane Doe, 'Bob, Jr.']
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
                  parameters:
                    epochs: 3
                    layers:
                      - 64
                      - 32
                    lr: 0.001
                    name: run-1
                    stop: null
                code:
                  - path: src/
                    description: sources
                    license: MIT
                datasets:
                  - name: train
                    path: data/train.csv
                    description: training data
                    license: CC-BY-4.0
                    parameters:
                      rows: 10
                  - name: remote
                    path: data/remote
                    remotePath: s3://bucket/key
                    remoteHash: abc
                docs:
                  - path: README.md
                    description: readme
                prompts:
                  - name: system
                    path: system.prompt.md
                    description: the system prompt
                mcpServers:
                  - name: fs
                    path: fs.mcpb
                    description: files
                """);
    }

    @Test
    void shouldWriteEmptyValuesAsKitDoes() {
        Kitfile kitfile = new Kitfile(null, null, new Model(null, null, null, null, null, null, null, List.of(), null, null),
                List.of(new Code(null, null, null, null)), List.of(), List.of(new Docs(null, null, null)), List.of(),
                List.of());

        assertThat(KitfileYaml.write(kitfile)).isEqualTo("""
                manifestVersion: ""
                model: {}
                code:
                  - {}
                docs:
                  - path: ""
                """);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hello world      | hello world",
        "yes              | \"yes\"",
        "On               | \"On\"",
        "1.0              | \"1.0\"",
        "0x1F             | \"0x1F\"",
        "1_000            | \"1_000\"",
        "12:30            | \"12:30\"",
        "2001-12-14       | \"2001-12-14\"",
        "null             | \"null\"",
        "~                | \"~\"",
        "<<               | <<",
        "``               | \"\"",
        "` leading`       | ' leading'",
        "`trailing `      | 'trailing '",
        "a: b             | 'a: b'",
        "a:b              | a:b",
        "#comment         | '#comment'",
        "a #b             | 'a #b'",
        "a#b              | a#b",
        "-                | '-'",
        "-x               | -x",
        "+                | +",
        "@home            | '@home'",
        "---              | '---'",
        "'quoted'         | '''quoted'''",
        "it's             | it's",
        "café             | café",
        "`tab\there`      | \"tab\\there\"",
        "emoji 😀         | \"emoji \\U0001F600\"",
        "`\u007fdel`      | \"\\x7Fdel\"",
    })
    void shouldQuoteStringsAsYamlV3Does(String value, String expected) {
        String text = value.replace("\\t", "\t");
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("k", text);

        assertThat(parametersYaml(parameters)).isEqualTo("  parameters:\n    k: " + expected + "\n");
        assertThat(reread(withParameters(parameters)).model().parameters().get("k").textValue()).isEqualTo(text);
    }

    @Test
    void shouldWriteMultiLineTextAsLiteralBlocks() {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode()
                .put("a", "one\ntwo\n")
                .put("b", "no final break\nx")
                .put("c", "kept\n\n")
                .put("d", " indented\nx")
                .put("e", "space before break \nx")
                .put("f", "\nleading break")
                .put("g", "\n");

        assertThat(parametersYaml(parameters)).isEqualTo("""
                  parameters:
                    a: |
                      one
                      two
                    b: |-
                      no final break
                      x
                    c: |+
                      kept

                    d: |2-
                       indented
                      x
                    e: "space before break \\nx"
                    f: |2-

                      leading break
                    g: |2+

                """);
        assertThat(reread(withParameters(parameters)).model().parameters()).isEqualTo(parameters);
    }

    @Test
    void shouldWriteNumbersAsGoFormatsAFloat64() {
        JsonNode parameters = json("{\"i\":123456,\"m\":1000000,\"f\":0.5,\"small\":0.00001,\"big\":1.5e300,"
                + "\"neg\":-2.5,\"exact\":12345678901234567890,\"t\":true,\"n\":null}");

        assertThat(parametersYaml(parameters)).isEqualTo("""
                  parameters:
                    big: 1.5e+300
                    exact: 12345678901234567890
                    f: 0.5
                    i: 123456
                    m: 1e+06
                    "n": null
                    neg: -2.5
                    small: 1e-05
                    t: true
                """);
        assertThat(reread(withParameters(parameters)).model().parameters()).isEqualTo(withParameters(parameters)
                .model().parameters());
        assertThat(reread(withParameters(parameters)).model().parameters().get("exact").bigIntegerValue())
                .isEqualTo(new BigInteger("12345678901234567890"));
    }

    @Test
    void shouldWriteMapKeysInYamlV3NaturalOrderAndQuoteOddKeys() {
        JsonNode parameters = json("{\"a10\":1,\"a2\":2,\"b\":3,\"_c\":4,\"1\":5,\"\":6,\"x y\":7}");

        assertThat(parametersYaml(parameters)).isEqualTo("""
                  parameters:
                    "": 6
                    _c: 4
                    "1": 5
                    a2: 2
                    a10: 1
                    b: 3
                    x y: 7
                """);
    }

    @Test
    void shouldWriteNestedAndEmptyCollections() {
        JsonNode parameters = json("{\"lists\":[[\"a\",\"b\"],[]],\"maps\":[{\"k\":{}},{\"x\":1,\"y\":[1]}],\"e\":{}}");

        assertThat(parametersYaml(parameters)).isEqualTo("""
                  parameters:
                    e: {}
                    lists:
                      - - a
                        - b
                      - []
                    maps:
                      - k: {}
                      - x: 1
                        "y":
                          - 1
                """);
        assertThat(reread(withParameters(parameters))).isEqualTo(withParameters(parameters));
    }

    @Test
    void shouldUseExplicitKeysForLongAndMultiLineKeys() {
        String longKey = "k".repeat(129);
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put(longKey, "v").put("two\nlines", "w");

        assertThat(parametersYaml(parameters)).isEqualTo("  parameters:\n    ? " + longKey + "\n    : v\n"
                + "    ? |-\n      two\n      lines\n    : w\n");
        assertThat(reread(withParameters(parameters)).model().parameters()).isEqualTo(parameters);
    }

    @Test
    void shouldLeaveOutDigestsAndReadBackEqual() {
        Kitfile kitfile = KitfileTestData.everything();
        List<LayerInfo> infos = kitfile.layerEntries().stream()
                .map(entry -> new LayerInfo(KitfileTestData.digest(entry.path()), null)).toList();

        Kitfile packed = kitfile.withLayers(infos);

        assertThat(KitfileYaml.write(packed)).doesNotContain("sha256").isEqualTo(KitfileYaml.write(kitfile));
        assertThat(reread(packed)).isEqualTo(kitfile);
    }

    @Test
    void shouldQuoteAuthorsInFlowStyle() {
        Kitfile kitfile = new Kitfile("1.0.0", new KitPackage(null, null, null, null,
                List.of("a", "", "b: c", "[x]", "yes", "two\nlines")), null, List.of(), List.of(), List.of(), List.of(),
                List.of());

        assertThat(KitfileYaml.write(kitfile)).isEqualTo("manifestVersion: 1.0.0\npackage:\n"
                + "  authors: [a, \"\", 'b: c', '[x]', \"yes\", \"two\\nlines\"]\n");
        assertThat(reread(kitfile)).isEqualTo(kitfile);
    }
}
