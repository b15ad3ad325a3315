package io.jenkins.plugins.modelkit.releases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.actions.PromotionAction;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * Every promotion builds recorded, newest first, in one small file in the Jenkins home
 * ({@value #FILE_NAME}), so that the release pages and badges never load the builds of every job.
 * The newest promotion of each ModelKit to each stage from each job is always kept; of the rest,
 * the newest {@value #HISTORY} stay for the timeline.
 */
public final class ReleaseIndex {
    static final String FILE_NAME = "io.jenkins.plugins.modelkit.releases.json";
    static final int HISTORY = 1000;
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static ReleaseIndex instance;

    private final Path file;
    private Snapshot snapshot;

    /** The stage names in the order of the stages files that named them, and the promotions newest first. */
    record Snapshot(List<String> stages, List<Promotion> promotions) {
        Snapshot {
            stages = List.copyOf(stages);
            promotions = List.copyOf(promotions);
        }
    }

    public ReleaseIndex(Path file) {
        this.file = file;
    }

    /** The index of this Jenkins; a new one when the Jenkins home changed (as between test instances in one JVM). */
    public static synchronized ReleaseIndex get() {
        Path file = Jenkins.get().getRootDir().toPath().resolve(FILE_NAME);
        if (instance == null || !instance.file.equals(file)) {
            instance = new ReleaseIndex(file);
        }
        return instance;
    }

    /** Adds the promotion a build recorded; {@code stageOrder} is the order of its stages file. */
    public void add(Run<?, ?> run, PromotionAction action, List<String> stageOrder) throws IOException {
        add(Promotion.of(run, action), stageOrder);
    }

    public synchronized void add(Promotion promotion, List<String> stageOrder) throws IOException {
        Snapshot current = read();
        List<Promotion> promotions = new ArrayList<>();
        promotions.add(promotion);
        promotions.addAll(current.promotions());
        Snapshot next = new Snapshot(merge(current.stages(), stageOrder), trim(promotions));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
        } catch (ModelKitException e) {
            throw new IOException(e.getMessage(), e);
        }
        snapshot = next;
    }

    /** Every stage name known, in stages-file order. */
    public synchronized List<String> stages() throws IOException {
        return read().stages();
    }

    /** Every promotion kept, newest first. */
    public synchronized List<Promotion> promotions() throws IOException {
        return read().promotions();
    }

    private Snapshot read() throws IOException {
        if (snapshot == null) {
            try {
                snapshot = JSON.readValue(Files.readAllBytes(file), new TypeReference<Snapshot>() { });
            } catch (NoSuchFileException e) {
                snapshot = new Snapshot(List.of(), List.of());
            }
        }
        return snapshot;
    }

    /**
     * {@code known} with the names of {@code order} it lacks, each placed after the name before it in
     * {@code order} (or first), so that stage lines with names in common keep one order.
     */
    static List<String> merge(List<String> known, List<String> order) {
        List<String> merged = new ArrayList<>(known);
        String previous = null;
        for (String name : order) {
            if (!merged.contains(name)) {
                merged.add(previous == null ? 0 : merged.indexOf(previous) + 1, name);
            }
            previous = name;
        }
        return merged;
    }

    /** The newest of each job, ModelKit and stage, and the newest {@value #HISTORY} of the others. */
    private static List<Promotion> trim(List<Promotion> newestFirst) {
        Set<String> seen = new HashSet<>();
        List<Promotion> kept = new ArrayList<>();
        int others = 0;
        for (Promotion promotion : newestFirst) {
            if (seen.add(promotion.job() + "\n" + promotion.modelKit() + "\n" + promotion.stage())) {
                kept.add(promotion);
            } else if (others++ < HISTORY) {
                kept.add(promotion);
            }
        }
        return kept;
    }

    /**
     * One promotion as a build recorded it.
     *
     * @param job the job's full name; {@code build} its build number
     * @param modelKit the Kitfile's package name, else the stage's repository
     * @param promotedAt RFC 3339 UTC
     */
    public record Promotion(String job, int build, String modelKit, String stage, String kind, String repository,
                            List<String> tags, String digest, String version, String source, String promotedBy,
                            String promotedAt, String buildUrl, String gateOutcome, boolean forced) {
        public Promotion {
            tags = List.copyOf(tags);
        }

        static Promotion of(Run<?, ?> run, PromotionAction action) {
            return new Promotion(run.getParent().getFullName(), run.getNumber(),
                    action.getName() != null ? action.getName() : action.getRepository(), action.getStage(), action.getKind(),
                    action.getRepository(), action.getTags(), action.getDigest(), action.getVersion(), action.getSource(),
                    action.getPromotedBy(), action.getPromotedAt(), action.getBuildUrl(), action.getGateOutcome(),
                    action.isForced());
        }

        public Instant at() {
            return Instant.parse(promotedAt);
        }
    }
}
