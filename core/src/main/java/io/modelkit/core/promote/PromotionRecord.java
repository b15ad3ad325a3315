package io.modelkit.core.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.Statement;
import io.modelkit.core.provenance.Subject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What one promotion (or rollback) did, as the predicate of an in-toto statement whose subject is the
 * promoted manifest in the target repository.
 *
 * @param kind {@code promotion} or {@code rollback}
 * @param source the reference promoted from, pinned to its digest
 * @param target {@code host/repo} of the stage
 * @param tags every tag pointed at the digest, the record written before any of them moved
 * @param gateReportDigest digest of the gate report's JSON, null when the stage has no gate or none ran
 * @param gateOutcome PASS or WARN, null with no gate
 * @param promotedBy the user or CI identity; {@code unknown} when the environment names none
 * @param buildUrl {@code $BUILD_URL} of the build that promoted, null outside CI
 */
public record PromotionRecord(String kind, String stage, String from, String source, String target, List<String> tags,
                              Digest digest, Digest gateReportDigest, String gateOutcome, boolean forced,
                              String promotedBy, String buildUrl, Instant promotedAt) {
    public static final String PREDICATE_TYPE = "https://modelkit.io/promotion/v1";
    public static final String ARTIFACT_TYPE = "application/vnd.modelkit.promotion.v1+json";
    public static final String PROMOTION = "promotion";
    public static final String ROLLBACK = "rollback";

    public PromotionRecord {
        tags = List.copyOf(tags);
        promotedAt = promotedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public Statement statement() {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode();
        predicate.put("kind", kind);
        predicate.put("stage", stage);
        predicate.put("from", from);
        predicate.put("source", source);
        predicate.put("target", target);
        ArrayNode tagList = predicate.putArray("tags");
        tags.forEach(tagList::add);
        predicate.put("digest", digest.toString());
        ObjectNode gate = predicate.putObject("gate");
        gate.put("outcome", gateOutcome);
        gate.put("reportDigest", gateReportDigest == null ? null : gateReportDigest.toString());
        predicate.put("forced", forced);
        predicate.put("promotedBy", promotedBy);
        predicate.put("buildUrl", buildUrl);
        predicate.put("promotedAt", promotedAt.toString());
        return Statement.of(List.of(Subject.of(target, digest)), PREDICATE_TYPE, predicate);
    }

    /** The record a statement holds; {@code where} names it in errors. */
    public static PromotionRecord of(Statement statement, String where) {
        if (!PREDICATE_TYPE.equals(statement.predicateType())) {
            throw new ModelKitException(where + ": predicateType is " + statement.predicateType() + ", not " + PREDICATE_TYPE);
        }
        JsonNode p = statement.predicate();
        try {
            List<String> tags = new ArrayList<>();
            p.path("tags").forEach(t -> tags.add(t.asText()));
            Digest digest = Digest.parse(required(p, "digest", where));
            if (!statement.hasSubject(digest)) {
                throw new ModelKitException(where + ": subject does not name " + digest);
            }
            JsonNode gate = p.path("gate");
            return new PromotionRecord(required(p, "kind", where), required(p, "stage", where), optional(p.path("from")),
                    required(p, "source", where), required(p, "target", where), tags, digest,
                    gate.path("reportDigest").isTextual() ? Digest.parse(gate.path("reportDigest").asText()) : null,
                    optional(gate.path("outcome")), p.path("forced").asBoolean(false), required(p, "promotedBy", where),
                    optional(p.path("buildUrl")), Instant.parse(required(p, "promotedAt", where)));
        } catch (DateTimeParseException e) {
            throw new ModelKitException(where + ": promotedAt is not an RFC 3339 time", e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        if (!node.path(field).isTextual()) {
            throw new ModelKitException(where + ": promotion record lacks '" + field + "'");
        }
        return node.path(field).asText();
    }

    private static String optional(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
