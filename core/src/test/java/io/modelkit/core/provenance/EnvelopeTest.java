package io.modelkit.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    // 0xfb 0xff 0xbf encodes as "+/+/" in standard base64 and "-_-_" in URL-safe base64.
    private static final byte[] SIG = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, (byte) 0xfb, (byte) 0xff, (byte) 0xbf};
    private static final byte[] PAYLOAD = "hello world".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldWriteFieldsInOrderWithPaddedStandardBase64AndNoEmptyKeyid() {
        Envelope envelope = new Envelope("http://example.com/HelloWorld", PAYLOAD,
                List.of(EnvelopeSignature.of(SIG), new EnvelopeSignature("k1", new byte[] {1})));

        assertThat(new String(envelope.toJson(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"payload\":\"aGVsbG8gd29ybGQ=\",\"payloadType\":\"http://example.com/HelloWorld\","
                        + "\"signatures\":[{\"sig\":\"+/+/+/+/\"},{\"keyid\":\"k1\",\"sig\":\"AQ==\"}]}");
    }

    @Test
    void shouldParseWhatItWrites() {
        Envelope envelope = new Envelope(Statement.PAYLOAD_TYPE, PAYLOAD, List.of(new EnvelopeSignature("hint", SIG)));

        Envelope parsed = Envelope.parse(envelope.toJson());

        assertThat(parsed).isEqualTo(envelope);
        assertThat(parsed.payload()).isEqualTo(PAYLOAD);
        assertThat(parsed.signatures().get(0).keyid()).isEqualTo("hint");
        assertThat(parsed.signatures().get(0).sig()).isEqualTo(SIG);
    }

    @Test
    void shouldAcceptUrlSafeAndUnpaddedBase64() {
        Envelope parsed = Envelope.parse(bytes(
                "{\"payloadType\":\"t\",\"payload\":\"aGVsbG8gd29ybGQ\",\"signatures\":[{\"sig\":\"-_-_-_-_\",\"keyid\":null}]}"));

        assertThat(parsed.payload()).isEqualTo(PAYLOAD);
        assertThat(parsed.signatures().get(0).sig()).isEqualTo(SIG);
        assertThat(parsed.signatures().get(0).keyid()).isEmpty();
    }

    @Test
    void shouldIgnoreUnknownFields() {
        Envelope parsed = Envelope.parse(bytes(
                "{\"payload\":\"\",\"payloadType\":\"t\",\"x\":1,\"signatures\":[{\"sig\":\"AQ==\",\"y\":[]}]}"));

        assertThat(parsed.payload()).isEmpty();
        assertThat(parsed.signatures()).containsExactly(EnvelopeSignature.of(new byte[] {1}));
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        assertParseFails("{\"payload\":\"a*b=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQ==\"}]}",
                "DSSE envelope: field 'payload' is not valid base64");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQ==\"},{\"sig\":\"+_==\"}]}",
                "DSSE envelope: signatures[1]: field 'sig' is not valid base64");
        assertParseFails("{\"payload\":\"AQ==\",\"signatures\":[{\"sig\":\"AQ==\"}]}",
                "DSSE envelope: missing required field 'payloadType'");
        assertParseFails("{\"payload\":1,\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQ==\"}]}",
                "DSSE envelope: field 'payload' must be a string");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"k\"}]}",
                "DSSE envelope: signatures[0]: missing required field 'sig'");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\"}", "DSSE envelope: missing required field 'signatures'");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":{}}",
                "DSSE envelope: field 'signatures' must be an array");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":[]}",
                "DSSE envelope: signatures must not be empty");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":[\"AQ==\"]}",
                "DSSE envelope: signatures[0] must be an object");
    }

    @Test
    void shouldRejectMalformedJsonDuplicatesAndTrailingContent() {
        assertParseFails("{\"payload\":", "DSSE envelope: invalid JSON");
        assertParseFails("[]", "DSSE envelope: expected a JSON object");
        assertParseFails("{\"payload\":\"AQ==\",\"payload\":\"Ag==\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQ==\"}]}",
                "DSSE envelope: invalid JSON: Duplicate field 'payload'");
        assertParseFails("{\"payload\":\"AQ==\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQ==\"}]} {}",
                "DSSE envelope: invalid JSON");
    }

    @Test
    void shouldCopyBytesInAndOut() {
        byte[] payload = PAYLOAD.clone();
        Envelope envelope = new Envelope("t", payload, List.of(EnvelopeSignature.of(SIG)));

        payload[0] = 'X';
        envelope.payload()[1] = 'Y';

        assertThat(envelope.payload()).isEqualTo(PAYLOAD);
        assertThat(envelope.toString()).isEqualTo("Envelope[payloadType=t, payload=11 bytes, signatures=1]");
    }

    private static void assertParseFails(String json, String message) {
        assertThatThrownBy(() -> Envelope.parse(bytes(json)))
                .isInstanceOf(ModelKitException.class)
                .hasMessageStartingWith(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
