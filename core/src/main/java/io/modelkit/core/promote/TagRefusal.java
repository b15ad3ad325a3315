package io.modelkit.core.promote;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.registry.ManifestResponse;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Undoes a promotion whose tag the registry refused after the record was written (immutable tags, a
 * tag policy): tags this run moved are put back where they were and the record is deleted, so neither
 * a record without its tags nor a tag without its record stays behind. What cannot be undone is named.
 */
final class TagRefusal {
    private final RegistryClient client;
    private final Stage stage;
    private final PromotionRecords records;
    private final Digest digest;
    private final Descriptor written;
    private final Map<String, Digest> before;

    /**
     * @param written the record this run wrote, null when it completes the record of an interrupted run
     * @param before what each tag to move held before the run, null for a new tag
     */
    TagRefusal(RegistryClient client, Stage stage, PromotionRecords records, Digest digest, Descriptor written,
            Map<String, Digest> before) {
        this.client = client;
        this.stage = stage;
        this.records = records;
        this.digest = digest;
        this.written = written;
        this.before = before;
    }

    /** Undoes what it can after {@code refused} failed with {@code error}; returns the one-line message. */
    String undo(String refused, ModelKitException error, List<String> moved) {
        StringBuilder message = new StringBuilder("promotion to stage '").append(stage.name()).append("': registry ")
                .append(client.registry()).append(" refused tag '").append(refused).append("' of repository ")
                .append(stage.repository()).append(" (").append(reason(error)).append(')');
        List<String> restored = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String tag : moved) {
            Digest previous = before.get(tag);
            if (previous == null) {
                left.add(tag); // the distribution API deletes manifests, not tags: a new tag cannot be taken back
                continue;
            }
            try {
                ManifestResponse old = client.getManifest(stage.repository(), previous.toString());
                client.putManifest(stage.repository(), tag, old.bytes(), old.mediaType());
                restored.add(tag);
            } catch (ModelKitException e) {
                left.add(tag);
            }
        }
        if (!restored.isEmpty()) {
            message.append("; put back ").append(String.join(", ", restored));
        }
        if (!left.isEmpty()) {
            // those tags hold the digest now, so the record that names them stays
            return message.append("; tags ").append(String.join(", ", left)).append(" hold ").append(digest)
                    .append(" and keep the record").append(written == null ? " of the earlier run" : " " + written.digest())
                    .append("; the other tags were not moved").toString();
        }
        if (written == null) {
            return message.append("; no tag moved; the record of the earlier run stays and a rerun moves its tags")
                    .toString();
        }
        try {
            records.remove(written, digest);
        } catch (ModelKitException e) {
            return message.append("; no tag moved, but the record ").append(written.digest()).append(" (a referrer of ")
                    .append(digest).append(" in ").append(stage.location()).append(") could not be deleted: ")
                    .append(e.getMessage()).toString();
        }
        return message.append("; no tag moved and the record ").append(written.digest()).append(" was deleted")
                .toString();
    }

    /** The registry's error code, status and message, else the exception's own line. */
    private static String reason(ModelKitException error) {
        if (error instanceof RegistryException registry && registry.status() > 0) {
            String code = registry.code().isEmpty() ? "" : registry.code() + ", ";
            String text = registry.registryMessage().isEmpty() ? "" : ": " + registry.registryMessage();
            return code + "HTTP " + registry.status() + text;
        }
        return error.getMessage();
    }
}
