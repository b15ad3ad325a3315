package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {
    private static final String HEX = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private static final Digest DIGEST = Digest.parse("sha256:" + HEX);

    @Test
    void shouldWriteFieldsInGoOrder() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("z", "last");
        annotations.put("é", "after z in UTF-8");
        annotations.put("A", "first");
        Descriptor descriptor = new Descriptor("application/x", DIGEST, 42, List.of("https://example.com/b"), annotations,
                "application/artifact");

        assertThat(GoJson.writeString(descriptor.toJson())).isEqualTo("{\"mediaType\":\"application/x\",\"digest\":\"sha256:" + HEX
                + "\",\"size\":42,\"urls\":[\"https://example.com/b\"],\"annotations\":{\"A\":\"first\",\"z\":\"last\","
                + "\"é\":\"after z in UTF-8\"},\"artifactType\":\"application/artifact\"}");
    }

    @Test
    void shouldOmitEmptyOptionalFieldsButNeverSize() {
        Descriptor descriptor = new Descriptor("", DIGEST, 0);

        assertThat(GoJson.writeString(descriptor.toJson())).isEqualTo("{\"digest\":\"sha256:" + HEX + "\",\"size\":0}");
    }

    @Test
    void shouldReadAndIgnoreUnknownFields() throws Exception {
        String json = "{\"size\":7,\"digest\":\"sha256:" + HEX + "\",\"mediaType\":\"m\",\"platform\":{\"os\":\"linux\"},"
                + "\"data\":\"e30=\",\"annotations\":{\"k\":\"v\"},\"urls\":null}";

        Descriptor descriptor = Descriptor.fromJson(new ObjectMapper().readTree(json), "test");

        assertThat(descriptor).isEqualTo(new Descriptor("m", DIGEST, 7, List.of(), Map.of("k", "v"), ""));
        assertThat(descriptor.annotation("k")).contains("v");
    }

    @Test
    void shouldNameTheBadField() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThatThrownBy(() -> Descriptor.fromJson(mapper.readTree("{\"size\":1}"), "manifest x: layers[0]"))
                .isInstanceOf(ModelKitException.class).hasMessage("manifest x: layers[0]: missing digest");
        assertThatThrownBy(() -> Descriptor.fromJson(mapper.readTree("{\"digest\":\"sha256:" + HEX + "\",\"size\":\"1\"}"), "config"))
                .hasMessage("config.size: expected a non-negative integer, found \"1\"");
        assertThatThrownBy(() -> Descriptor.fromJson(mapper.readTree("{\"digest\":\"sha256:ABC\",\"size\":1}"), "config"))
                .hasMessageStartingWith("config.digest: invalid sha256 digest 'sha256:ABC'");
        assertThatThrownBy(() -> Descriptor.fromJson(mapper.readTree("{\"digest\":\"sha256:" + HEX + "\",\"size\":1,\"annotations\":{\"a\":1}}"), "config"))
                .hasMessage("config.annotations.a: expected a string");
    }

    @Test
    void shouldCopyWithAndWithoutAnnotations() {
        Descriptor descriptor = new Descriptor("m", DIGEST, 1).withAnnotation("b", "2").withAnnotation("a", "1");

        assertThat(descriptor.annotations()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(descriptor.withoutAnnotation("a").annotations()).containsExactly(Map.entry("b", "2"));
        assertThat(Descriptor.of("m", new byte[] {'{', '}'})).isEqualTo(new Descriptor("m", DIGEST, 2));
    }
}
