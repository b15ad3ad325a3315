package io.jenkins.plugins.modelkit.releases;

import io.jenkins.plugins.modelkit.releases.ReleaseIndex.Promotion;
import io.modelkit.core.dashboard.GateOutcome;
import io.modelkit.core.dashboard.ModelKitRow;
import io.modelkit.core.dashboard.ProvenanceSummary;
import io.modelkit.core.dashboard.ReleaseJson;
import io.modelkit.core.dashboard.ReleaseModel;
import io.modelkit.core.dashboard.StageEntry;
import io.modelkit.core.dashboard.TimelineEvent;
import io.modelkit.core.dashboard.WebLink;
import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The release dashboard's model (the core {@link ReleaseModel}) over the promotions of the jobs a user
 * may read, with the beans the pages and {@code /api/json} show: a row per ModelKit with a cell per
 * stage, and the timeline. What each stage holds is what the newest promotion to it says.
 */
@ExportedBean(defaultVisibility = 2)
public final class ReleaseView {
    private final ReleaseModel model;

    ReleaseView(ReleaseModel model) {
        this.model = model;
    }

    /** The view of the promotions whose job {@code visible} accepts. */
    static ReleaseView of(List<String> stages, List<Promotion> newestFirst, Predicate<String> visible, Instant generated) {
        List<Promotion> shown = newestFirst.stream().filter(p -> visible.test(p.job())).toList();
        List<ModelKitRow> rows = new ArrayList<>();
        for (String name : new TreeSet<>(shown.stream().map(Promotion::modelKit).toList())) {
            List<StageEntry> entries = new ArrayList<>();
            for (String stage : stages) {
                entries.add(shown.stream().filter(p -> p.modelKit().equals(name) && p.stage().equals(stage)).findFirst()
                        .map(ReleaseView::entry).orElseGet(() -> StageEntry.empty(stage, "", stage)));
            }
            rows.add(new ModelKitRow(name, entries));
        }
        List<TimelineEvent> timeline = shown.stream().map(p -> new TimelineEvent(p.at(), p.modelKit(), p.stage(), p.kind(),
                Digest.parse(p.digest()), p.source(), p.promotedBy(), WebLink.httpOrNull(p.buildUrl()), GateOutcome.parse(p.gateOutcome()),
                p.forced())).toList();
        return new ReleaseView(new ReleaseModel(generated, stages, rows, timeline));
    }

    private static StageEntry entry(Promotion p) {
        return new StageEntry(p.stage(), p.repository(), p.stage(), Digest.parse(p.digest()), p.version(), p.at(),
                p.promotedBy(), WebLink.httpOrNull(p.buildUrl()), ProvenanceSummary.NONE, GateOutcome.parse(p.gateOutcome()), List.of());
    }

    public ReleaseModel model() {
        return model;
    }

    /** The model as the {@code modelkit dashboard} command writes {@code releases.json}. */
    public String json() {
        return ReleaseJson.writeString(model);
    }

    /** What {@code stage} holds of {@code modelKit}, if the ModelKit was ever promoted in the jobs shown. */
    public Optional<StageEntry> entry(String modelKit, String stage) {
        return model.modelKits().stream().filter(row -> row.name().equals(modelKit)).findFirst()
                .flatMap(row -> row.stages().stream().filter(e -> e.stage().equals(stage)).findFirst());
    }

    @Exported
    public List<String> getStages() {
        return model.stages();
    }

    @Exported
    public List<Row> getModelKits() {
        return model.modelKits().stream().map(Row::new).toList();
    }

    @Exported
    public List<Event> getTimeline() {
        return model.timeline().stream().map(Event::new).toList();
    }

    public boolean isEmpty() {
        return model.modelKits().isEmpty();
    }

    /** One ModelKit across the stages. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Row {
        private final ModelKitRow row;

        Row(ModelKitRow row) {
            this.row = row;
        }

        @Exported
        public String getName() {
            return row.name();
        }

        @Exported
        public List<Cell> getStages() {
            return row.stages().stream().map(Cell::new).toList();
        }
    }

    /** What one stage holds of one ModelKit; an empty stage has only its name. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Cell {
        private final StageEntry entry;

        Cell(StageEntry entry) {
            this.entry = entry;
        }

        @Exported
        public String getStage() {
            return entry.stage();
        }

        @Exported
        public String getRepository() {
            return entry.isEmpty() ? null : entry.repository();
        }

        @Exported
        public String getDigest() {
            return entry.isEmpty() ? null : entry.digest().toString();
        }

        /** The digest's first 12 hexadecimal digits, as the pages show it. */
        public String getShortDigest() {
            return entry.isEmpty() ? null : entry.digest().hex().substring(0, 12);
        }

        @Exported
        public String getVersion() {
            return entry.version();
        }

        @Exported
        public String getPromotedAt() {
            return entry.promotedAt() == null ? null : entry.promotedAt().toString();
        }

        @Exported
        public String getPromotedBy() {
            return entry.promotedBy();
        }

        @Exported
        public String getBuildUrl() {
            return entry.buildUrl();
        }

        /** {@code passed}, {@code warned}, {@code failed} or {@code unknown}. */
        @Exported
        public String getGate() {
            return entry.gate().label();
        }

        public boolean isEmpty() {
            return entry.isEmpty();
        }
    }

    /** One promotion in the timeline. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Event {
        private final TimelineEvent event;

        Event(TimelineEvent event) {
            this.event = event;
        }

        @Exported
        public String getAt() {
            return event.at().toString();
        }

        @Exported
        public String getModelKit() {
            return event.modelKit();
        }

        @Exported
        public String getStage() {
            return event.stage();
        }

        @Exported
        public String getKind() {
            return event.kind();
        }

        @Exported
        public String getDigest() {
            return event.digest().toString();
        }

        @Exported
        public String getSource() {
            return event.source();
        }

        @Exported
        public String getPromotedBy() {
            return event.promotedBy();
        }

        @Exported
        public String getBuildUrl() {
            return event.buildUrl();
        }

        @Exported
        public String getGate() {
            return event.gate().label();
        }

        @Exported
        public boolean isForced() {
            return event.forced();
        }
    }
}
