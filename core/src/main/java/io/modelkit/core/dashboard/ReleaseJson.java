package io.modelkit.core.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The release model as JSON ({@code releases.json}, and the data block of the dashboard page). The
 * bytes are stable: compact, keys always present (null when unknown) and always in this order:
 *
 * <pre>
 * {"generated": time, "stages": [name…],
 *  "modelKits": [{"name", "stages": [{"stage", "repository", "tag", "digest", "version", "promotedAt",
 *                 "promotedBy", "buildUrl", "provenance": {"signed", "verified", "keyFingerprint"},
 *                 "gate", "changes": [{"path", "old", "new", "kind"}]}]}],
 *  "timeline": [{"at", "modelKit", "stage", "kind", "digest", "source", "promotedBy", "buildUrl", "gate",
 *                "forced"}]}
 * </pre>
 *
 * Times are RFC 3339 UTC to the second; {@code gate} is {@code passed}, {@code warned}, {@code failed} or
 * {@code unknown}; a change's {@code kind} is {@code added}, {@code removed}, {@code changed} or
 * {@code type_changed} and its {@code old}/{@code new} are the values' JSON text. {@code <}, {@code >} and
 * {@code &} are written as {@code \u003c}-style escapes (as Go does), so the text can sit inside an HTML
 * {@code <script>} element without closing it.
 */
public final class ReleaseJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReleaseJson() {
    }

    public static byte[] write(ReleaseModel model) {
        return GoJson.write(tree(model));
    }

    public static String writeString(ReleaseModel model) {
        return new String(write(model), StandardCharsets.UTF_8);
    }

    public static ObjectNode tree(ReleaseModel model) {
        ObjectNode root = NODES.objectNode();
        root.put("generated", time(model.generated()));
        ArrayNode stages = root.putArray("stages");
        model.stages().forEach(stages::add);
        ArrayNode modelKits = root.putArray("modelKits");
        for (ModelKitRow row : model.modelKits()) {
            ObjectNode kit = modelKits.addObject();
            kit.put("name", row.name());
            ArrayNode entries = kit.putArray("stages");
            row.stages().forEach(entry -> entries.add(entry(entry)));
        }
        ArrayNode timeline = root.putArray("timeline");
        for (TimelineEvent event : model.timeline()) {
            ObjectNode node = timeline.addObject();
            node.put("at", time(event.at()));
            node.put("modelKit", event.modelKit());
            node.put("stage", event.stage());
            node.put("kind", event.kind());
            node.put("digest", digest(event.digest()));
            node.put("source", event.source());
            node.put("promotedBy", event.promotedBy());
            node.put("buildUrl", event.buildUrl());
            node.put("gate", event.gate().label());
            node.put("forced", event.forced());
        }
        return root;
    }

    private static ObjectNode entry(StageEntry entry) {
        ObjectNode node = NODES.objectNode();
        node.put("stage", entry.stage());
        node.put("repository", entry.repository());
        node.put("tag", entry.tag());
        node.put("digest", digest(entry.digest()));
        node.put("version", entry.version());
        node.put("promotedAt", time(entry.promotedAt()));
        node.put("promotedBy", entry.promotedBy());
        node.put("buildUrl", entry.buildUrl());
        ObjectNode provenance = node.putObject("provenance");
        provenance.put("signed", entry.provenance().signed());
        provenance.put("verified", entry.provenance().verified());
        provenance.put("keyFingerprint", entry.provenance().keyFingerprint());
        node.put("gate", entry.gate().label());
        ArrayNode changes = node.putArray("changes");
        for (ParameterChange change : entry.changes()) {
            changes.addObject().put("path", change.path()).put("old", change.oldValue()).put("new", change.newValue())
                    .put("kind", change.kind().name().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    private static String digest(Digest digest) {
        return digest == null ? null : digest.toString();
    }

    static String time(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
