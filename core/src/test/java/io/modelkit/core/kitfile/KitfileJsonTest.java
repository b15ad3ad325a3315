package io.modelkit.core.kitfile;

import static io.modelkit.core.kitfile.KitfileTestData.digest;
import static io.modelkit.core.kitfile.KitfileTestData.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitfileJsonTest {

    private static String config(Kitfile kitfile) {
        return new String(KitfileJson.configBytes(kitfile), StandardCharsets.UTF_8);
    }

    private static Kitfile parse(String json) {
        return KitfileJson.parseConfig(json.getBytes(StandardCharsets.UTF_8), "config");
    }

    private static Kitfile packed() {
        Kitfile kitfile = KitfileTestData.everything();
        List<LayerInfo> infos = new ArrayList<>();
        for (int i = 0; i < kitfile.layerEntries().size(); i++) {
            infos.add(new LayerInfo(digest("blob" + i), digest("tar" + i)));
        }
        return kitfile.withLayers(infos);
    }

    @Test
    void shouldWriteFieldsInKitsOrderWithDigests() {
        Kitfile kitfile = packed();
        String d0 = digest("blob0").toString();
        String t0 = digest("tar0").toString();

        String json = config(kitfile);

        assertThat(json).startsWith("{\"manifestVersion\":\"1.0.0\",\"package\":{\"name\":\"demo\",\"version\":\"1.2.3\","
                + "\"description\":\"A demo\",\"license\":\"Apache-2.0\",\"authors\":[\"Jane Doe\",\"Bob, Jr.\"]},"
                + "\"model\":{\"name\":\"m1\",\"path\":\"models/m1.gguf\",\"license\":\"MIT\",\"framework\":\"pytorch\","
                + "\"format\":\"gguf\",\"version\":\"2\",\"description\":\"the model\",\"parts\":[{\"name\":\"lora\","
                + "\"path\":\"adapters/\",\"license\":\"MIT\",\"type\":\"lora\",\"digest\":\"" + digest("blob1") + "\","
                + "\"diffId\":\"" + digest("tar1") + "\"}],\"parameters\":{\"epochs\":3,\"layers\":[64,32],\"lr\":0.001,"
                + "\"name\":\"run-1\",\"stop\":null},\"digest\":\"" + d0 + "\",\"diffId\":\"" + t0 + "\"},\"code\":[");
        assertThat(json).contains("\"datasets\":[{\"name\":\"train\",\"path\":\"data/train.csv\","
                + "\"description\":\"training data\",\"license\":\"CC-BY-4.0\",\"parameters\":{\"rows\":10},\"digest\":\"")
                .contains("{\"name\":\"remote\",\"path\":\"data/remote\",\"remotePath\":\"s3://bucket/key\",\"remoteHash\":\"abc\"}]")
                .contains("\"prompts\":[{\"name\":\"system\",\"path\":\"system.prompt.md\",\"description\":\"the system prompt\",")
                .endsWith("\"mcpServers\":[{\"name\":\"fs\",\"path\":\"fs.mcpb\",\"description\":\"files\",\"digest\":\""
                        + digest("blob6") + "\",\"diffId\":\"" + digest("tar6") + "\"}]}");
    }

    @Test
    void shouldAlwaysWriteManifestVersionPackageAndDocsPath() {
        Kitfile kitfile = new Kitfile(null, null, null, List.of(), List.of(), List.of(new Docs(null, "about", null)),
                List.of(), List.of());

        assertThat(config(kitfile)).isEqualTo("{\"manifestVersion\":\"\",\"package\":{},\"docs\":[{\"path\":\"\","
                + "\"description\":\"about\"}]}");
    }

    @Test
    void shouldWriteAnEmptyModelAndEmptyParameters() {
        Kitfile kitfile = new Kitfile("1.0.0", null, new Model(null, null, null, null, null, null, null, List.of(),
                json("{}"), null), List.of(), List.of(), List.of(), List.of(), List.of());

        assertThat(config(kitfile)).isEqualTo("{\"manifestVersion\":\"1.0.0\",\"package\":{},\"model\":{\"parameters\":{}}}");
    }

    @Test
    void shouldEscapeAsGoDoes() {
        Kitfile kitfile = new Kitfile("1.0.0", new KitPackage("<a> & b\u2028", null, null, null, List.of()), null,
                List.of(), List.of(), List.of(), List.of(), List.of());

        assertThat(config(kitfile)).isEqualTo("{\"manifestVersion\":\"1.0.0\",\"package\":{\"name\":"
                + "\"\\u003ca\\u003e \\u0026 b\\u2028\"}}");
    }

    @Test
    void shouldReadAConfigBackToTheSameKitfile() {
        Kitfile kitfile = packed();

        assertThat(KitfileJson.parseConfig(KitfileJson.configBytes(kitfile), "config")).isEqualTo(kitfile);
    }

    @Test
    void shouldKeepNumbersEqualAcrossTheRoundTrip() {
        Kitfile kitfile = new Kitfile("1.0.0", null, new Model(null, "m", null, null, null, null, null, List.of(),
                json("{\"float\":1200.0,\"big\":1e20,\"huge\":1e300,\"half\":0.5,\"max\":18446744073709551615}"), null),
                List.of(), List.of(), List.of(), List.of(), List.of());

        String json = config(kitfile);

        assertThat(json).contains("\"parameters\":{\"big\":100000000000000000000,\"float\":1200,\"half\":0.5,"
                + "\"huge\":1e+300,\"max\":18446744073709551615}");
        assertThat(KitfileJson.parseConfig(json.getBytes(StandardCharsets.UTF_8), "config")).isEqualTo(kitfile);
    }

    @Test
    void shouldReadLikeGoJsonUnmarshal() {
        Kitfile kitfile = parse("{\"ManifestVersion\":\"0.9\",\"manifestversion\":\"1.0.0\",\"unknown\":{\"x\":1},"
                + "\"PACKAGE\":{\"Name\":\"demo\",\"authors\":[\"a\",null]},\"model\":{\"path\":\"m\",\"extra\":true},"
                + "\"code\":[null,{\"path\":\"src\"}],\"docs\":null}");

        assertThat(kitfile.manifestVersion()).isEqualTo("1.0.0");
        assertThat(kitfile.kitPackage()).isEqualTo(new KitPackage("demo", null, null, null, List.of("a", "")));
        assertThat(kitfile.model().path()).isEqualTo("m");
        assertThat(kitfile.code()).containsExactly(new Code(null, null, null, null), new Code("src", null, null, null));
        assertThat(kitfile.docs()).isEmpty();
    }

    @Test
    void shouldReadDigestsIntoLayerInfo() {
        Digest digest = digest("x");

        Kitfile kitfile = parse("{\"manifestVersion\":\"1.0.0\",\"code\":[{\"path\":\"src\",\"digest\":\"" + digest
                + "\"}]}");

        assertThat(kitfile.code().get(0).layer()).isEqualTo(new LayerInfo(digest, null));
    }

    @Test
    void shouldNameTheFieldOfABadConfig() {
        assertThatThrownBy(() -> parse("{\"model\":{\"parts\":[{\"digest\":\"md5:abc\"}]}}"))
                .isInstanceOf(KitfileException.class)
                .hasMessageStartingWith("config: model.parts[0].digest: ")
                .satisfies(e -> assertThat(((KitfileException) e).field()).hasValue("model.parts[0].digest"));
        assertThatThrownBy(() -> parse("{\"model\":{\"name\":7}}"))
                .hasMessage("config: model.name must be a string, not number");
        assertThatThrownBy(() -> parse("{\"code\":{}}"))
                .hasMessage("config: code must be an array, not object");
        assertThatThrownBy(() -> parse("[1]"))
                .hasMessage("config: the config must be an object, not array");
        assertThatThrownBy(() -> parse("{\"manifestVersion\":"))
                .hasMessageStartingWith("config: not valid JSON: ");
    }

    @Test
    void shouldExposeTheConfigTree() {
        assertThat(KitfileJson.configTree(packed()).get("model").get("digest").textValue())
                .isEqualTo(digest("blob0").toString());
        assertThat(json("{\"a\":1}")).isNotNull();
    }
}
