package io.modelkit.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.diff.ChangeKind;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseJsonTest {
    static final Digest DEV = Digest.sha256("dev".getBytes(StandardCharsets.UTF_8));
    static final Digest PROD = Digest.sha256("prod".getBytes(StandardCharsets.UTF_8));

    static ReleaseModel model(String version) {
        StageEntry dev = new StageEntry("dev", "127.0.0.1:5000/ml/dev", "dev", DEV, "1.5.0",
                Instant.parse("2026-11-02T10:00:00.750Z"), "alice", null,
                new ProvenanceSummary(true, true, "SHA256:abc"), GateOutcome.UNKNOWN,
                List.of(new ParameterChange("model.parameters.lr", "0.001", "0.002", ChangeKind.CHANGED)));
        StageEntry prod = new StageEntry("prod", "127.0.0.1:5000/ml/prod", "prod", PROD, version,
                Instant.parse("2026-11-01T09:00:00Z"), "ci", "http://ci/job/1/", new ProvenanceSummary(true, false, null),
                GateOutcome.WARNED, List.of());
        TimelineEvent older = new TimelineEvent(Instant.parse("2026-11-01T09:00:00Z"), "fraud", "prod", "promotion",
                PROD, "127.0.0.1:5000/ml/dev@" + PROD, "ci", "http://ci/job/1/", GateOutcome.WARNED, false);
        TimelineEvent newer = new TimelineEvent(Instant.parse("2026-11-02T10:00:00Z"), "fraud", "dev", "promotion",
                DEV, "127.0.0.1:5000/ml/build@" + DEV, "alice", null, GateOutcome.UNKNOWN, true);
        return new ReleaseModel(Instant.parse("2026-11-03T00:00:00Z"), List.of("dev", "prod"),
                List.of(new ModelKitRow("fraud", List.of(dev, prod, StageEntry.empty("qa", "r/qa", "qa")))),
                List.of(older, newer));
    }

    @Test
    void writesEveryKeyInTheDocumentedOrderNewestEventFirst() {
        String json = ReleaseJson.writeString(model("1.4.0"));

        assertThat(json).isEqualTo("{\"generated\":\"2026-11-03T00:00:00Z\",\"stages\":[\"dev\",\"prod\"],"
                + "\"modelKits\":[{\"name\":\"fraud\",\"stages\":["
                + "{\"stage\":\"dev\",\"repository\":\"127.0.0.1:5000/ml/dev\",\"tag\":\"dev\",\"digest\":\"" + DEV
                + "\",\"version\":\"1.5.0\",\"promotedAt\":\"2026-11-02T10:00:00Z\",\"promotedBy\":\"alice\","
                + "\"buildUrl\":null,\"provenance\":{\"signed\":true,\"verified\":true,\"keyFingerprint\":\"SHA256:abc\"},"
                + "\"gate\":\"unknown\",\"changes\":[{\"path\":\"model.parameters.lr\",\"old\":\"0.001\",\"new\":\"0.002\","
                + "\"kind\":\"changed\"}]},"
                + "{\"stage\":\"prod\",\"repository\":\"127.0.0.1:5000/ml/prod\",\"tag\":\"prod\",\"digest\":\"" + PROD
                + "\",\"version\":\"1.4.0\",\"promotedAt\":\"2026-11-01T09:00:00Z\",\"promotedBy\":\"ci\","
                + "\"buildUrl\":\"http://ci/job/1/\",\"provenance\":{\"signed\":true,\"verified\":false,"
                + "\"keyFingerprint\":null},\"gate\":\"warned\",\"changes\":[]},"
                + "{\"stage\":\"qa\",\"repository\":\"r/qa\",\"tag\":\"qa\",\"digest\":null,\"version\":null,"
                + "\"promotedAt\":null,\"promotedBy\":null,\"buildUrl\":null,\"provenance\":{\"signed\":false,"
                + "\"verified\":false,\"keyFingerprint\":null},\"gate\":\"unknown\",\"changes\":[]}]}],"
                + "\"timeline\":[{\"at\":\"2026-11-02T10:00:00Z\",\"modelKit\":\"fraud\",\"stage\":\"dev\","
                + "\"kind\":\"promotion\",\"digest\":\"" + DEV + "\",\"source\":\"127.0.0.1:5000/ml/build@" + DEV
                + "\",\"promotedBy\":\"alice\",\"buildUrl\":null,\"gate\":\"unknown\",\"forced\":true},"
                + "{\"at\":\"2026-11-01T09:00:00Z\",\"modelKit\":\"fraud\",\"stage\":\"prod\",\"kind\":\"promotion\","
                + "\"digest\":\"" + PROD + "\",\"source\":\"127.0.0.1:5000/ml/dev@" + PROD + "\",\"promotedBy\":\"ci\","
                + "\"buildUrl\":\"http://ci/job/1/\",\"gate\":\"warned\",\"forced\":false}]}");
    }

    @Test
    void isTheSameBytesEveryTime() {
        assertThat(ReleaseJson.write(model("1.4.0"))).isEqualTo(ReleaseJson.write(model("1.4.0")));
    }

    @Test
    void escapesMarkupSoTheJsonCanSitInAScriptElement() {
        String json = ReleaseJson.writeString(model("</script><img src=x onerror=alert(1)>&"));

        assertThat(json).doesNotContain("<", ">").contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\u0026");
    }

    @Test
    void readsGateOutcomesFromRecordsAndNames() {
        assertThat(GateOutcome.parse("PASS")).isEqualTo(GateOutcome.PASSED);
        assertThat(GateOutcome.parse("WARN")).isEqualTo(GateOutcome.WARNED);
        assertThat(GateOutcome.parse("failed")).isEqualTo(GateOutcome.FAILED);
        assertThat(GateOutcome.parse(null)).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(GateOutcome.parse("maybe")).isEqualTo(GateOutcome.UNKNOWN);
    }
}
