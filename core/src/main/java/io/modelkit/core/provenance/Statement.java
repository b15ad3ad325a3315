package io.modelkit.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.json.GoJson;
import io.modelkit.core.oci.Digest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-toto Statement v1 kept as its exact bytes, with a parsed view of them. The bytes are
 * what gets signed, so once a statement is serialized it is never serialized again: a verifier
 * reads the same bytes the signature covers.
 */
public final class Statement {
    /** The Statement v1 {@code _type}. */
    public static final String TYPE = "https://in-toto.io/Statement/v1";
    /** The DSSE payloadType of in-toto statements; cosign accepts exactly this one. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private final byte[] bytes;
    private final List<Subject> subjects;
    private final String predicateType;
    private final JsonNode predicate;

    private Statement(byte[] bytes, List<Subject> subjects, String predicateType, JsonNode predicate) {
        this.bytes = bytes;
        this.subjects = subjects;
        this.predicateType = predicateType;
        this.predicate = predicate;
    }

    /**
     * Serializes a new statement, fields in the order {@code _type}, {@code subject},
     * {@code predicateType}, {@code predicate}; the predicate keeps its own field order.
     */
    public static Statement of(List<Subject> subjects, String predicateType, ObjectNode predicate) {
        if (subjects.isEmpty()) {
            throw new ModelKitException("in-toto statement: at least one subject is required");
        }
        if (predicateType == null || predicateType.isEmpty()) {
            throw new ModelKitException("in-toto statement: predicateType is required");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("_type", TYPE);
        ArrayNode subjectList = root.putArray("subject");
        for (Subject subject : subjects) {
            ObjectNode entry = subjectList.addObject();
            if (!subject.name().isEmpty()) {
                entry.put("name", subject.name());
            }
            ObjectNode digest = entry.putObject("digest");
            new TreeMap<>(subject.digest()).forEach(digest::put);
        }
        root.put("predicateType", predicateType);
        root.set("predicate", predicate.deepCopy());
        return parse(GoJson.write(root));
    }

    /**
     * Parses statement bytes and keeps them. Checks {@code _type}, that every subject has a
     * non-empty DigestSet of strings, and that {@code predicateType} is set; unknown fields are
     * ignored and an absent predicate reads as {@code {}}, as in-toto's parsing rules say.
     */
    public static Statement parse(byte[] bytes) {
        String where = "in-toto statement";
        byte[] copy = bytes.clone();
        JsonNode root = ProvenanceJson.parseObject(copy, where);
        String type = ProvenanceJson.string(root, "_type", where);
        if (!TYPE.equals(type)) {
            throw new ModelKitException(where + ": field '_type' is '" + type + "', expected '" + TYPE + "'");
        }
        List<Subject> subjects = readSubjects(root.get("subject"), where);
        String predicateType = ProvenanceJson.string(root, "predicateType", where);
        if (predicateType.isEmpty()) {
            throw new ModelKitException(where + ": field 'predicateType' is empty");
        }
        JsonNode predicate = root.get("predicate");
        if (predicate == null || predicate.isNull()) {
            predicate = JsonNodeFactory.instance.objectNode();
        } else if (!predicate.isObject()) {
            throw new ModelKitException(where + ": field 'predicate' must be an object");
        }
        return new Statement(copy, subjects, predicateType, predicate);
    }

    private static List<Subject> readSubjects(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            throw new ModelKitException(where + ": missing required field 'subject'");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ModelKitException(where + ": field 'subject' must be a non-empty array");
        }
        List<Subject> subjects = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String at = where + ": subject[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                throw new ModelKitException(at + " must be an object");
            }
            String name = ProvenanceJson.optionalString(entry, "name", at);
            JsonNode digestNode = entry.get("digest");
            if (digestNode == null || !digestNode.isObject() || digestNode.isEmpty()) {
                throw new ModelKitException(at + ": field 'digest' must be a non-empty object");
            }
            Map<String, String> digest = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = digestNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isTextual()) {
                    throw new ModelKitException(at + ": digest." + field.getKey() + " must be a string");
                }
                digest.put(field.getKey(), field.getValue().textValue());
            }
            subjects.add(new Subject(name, digest));
        }
        return List.copyOf(subjects);
    }

    /** A copy of the exact bytes; these are the DSSE payload. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public List<Subject> subjects() {
        return subjects;
    }

    public String predicateType() {
        return predicateType;
    }

    /** A copy of the predicate, so that callers cannot change this statement's view. */
    public JsonNode predicate() {
        return predicate.deepCopy();
    }

    /** Whether some subject names {@code manifest}'s digest; names are not compared. */
    public boolean hasSubject(Digest manifest) {
        return subjects.stream().anyMatch(subject -> subject.matches(manifest));
    }

    @Override
    public String toString() {
        return "Statement[predicateType=" + predicateType + ", subjects=" + subjects.size() + ", " + bytes.length + " bytes]";
    }
}
