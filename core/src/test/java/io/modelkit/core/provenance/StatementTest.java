package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementTest {
    private static final Digest MANIFEST = new Digest("sha256", "0123456789abcdef".repeat(4));

    @Test
    void shouldSerializeInSpecOrderOnce() {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode().put("z", 1).put("a", "<b>");

        Statement statement = Statement.of(List.of(Subject.of("registry.example.com/ml/model", MANIFEST),
                new Subject("", Map.of("sha512", "ff", "gitCommit", "aa"))), "https://example.com/p/v1", predicate);

        assertThat(new String(statement.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"_type\":\"https://in-toto.io/Statement/v1\","
                + "\"subject\":[{\"name\":\"registry.example.com/ml/model\",\"digest\":{\"sha256\":\"" + MANIFEST.hex() + "\"}},"
                + "{\"digest\":{\"gitCommit\":\"aa\",\"sha512\":\"ff\"}}],"
                + "\"predicateType\":\"https://example.com/p/v1\",\"predicate\":{\"z\":1,\"a\":\"\\u003cb\\u003e\"}}");
        assertThat(statement.predicate().get("a").textValue()).isEqualTo("<b>");
        predicate.put("later", true);
        assertThat(statement.predicate().has("later")).isFalse();
    }

    @Test
    void shouldKeepTheBytesItParsed() {
        String json = "{ \"predicateType\" : \"https://slsa.dev/provenance/v1\", \"x_extra\": [],\n"
                + "  \"subject\": [{\"digest\": {\"sha256\": \"" + MANIFEST.hex() + "\"}}],\n"
                + "  \"_type\": \"https://in-toto.io/Statement/v1\" }";

        Statement statement = Statement.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.bytes()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(statement.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(statement.predicate().isObject()).isTrue();
        assertThat(statement.predicate().isEmpty()).isTrue();
        assertThat(statement.subjects()).containsExactly(new Subject("", Map.of("sha256", MANIFEST.hex())));
        assertThat(statement.subjects().get(0).sha256()).contains(MANIFEST.hex());
    }

    @Test
    void shouldMatchSubjectsByDigestOnly() {
        Statement statement = Statement.of(List.of(Subject.of("registry.example.com/ml/dev/model", MANIFEST)),
                SlsaProvenance.PREDICATE_TYPE, JsonNodeFactory.instance.objectNode());

        assertThat(statement.hasSubject(MANIFEST)).isTrue();
        assertThat(statement.hasSubject(new Digest("sha256", "f".repeat(64)))).isFalse();
    }

    @Test
    void shouldCheckTheStatementShape() {
        String subject = "\"subject\":[{\"digest\":{\"sha256\":\"" + MANIFEST.hex() + "\"}}]";
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v0.1\"," + subject + ",\"predicateType\":\"p\"}",
                "in-toto statement: field '_type' is 'https://in-toto.io/Statement/v0.1', expected 'https://in-toto.io/Statement/v1'");
        assertParseFails("{" + subject + ",\"predicateType\":\"p\"}", "in-toto statement: missing required field '_type'");
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[],\"predicateType\":\"p\"}",
                "in-toto statement: field 'subject' must be a non-empty array");
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"n\"}],\"predicateType\":\"p\"}",
                "in-toto statement: subject[0]: field 'digest' must be a non-empty object");
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"digest\":{\"sha256\":1}}],\"predicateType\":\"p\"}",
                "in-toto statement: subject[0]: digest.sha256 must be a string");
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v1\"," + subject + "}",
                "in-toto statement: missing required field 'predicateType'");
        assertParseFails("{\"_type\":\"https://in-toto.io/Statement/v1\"," + subject + ",\"predicateType\":\"p\",\"predicate\":[]}",
                "in-toto statement: field 'predicate' must be an object");
        assertParseFails("not json", "in-toto statement: invalid JSON");
    }

    private static void assertParseFails(String json, String message) {
        assertThatThrownBy(() -> Statement.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith(message);
    }
}
