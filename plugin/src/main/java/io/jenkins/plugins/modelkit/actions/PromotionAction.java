package io.jenkins.plugins.modelkit.actions;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.modelkit.core.dashboard.WebLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A stage a build promoted a ModelKit to: a badge in the build history ({@code stage: name version}),
 * a line in the build's summary, and the promotion record's fields in {@code /api/json}. A build that
 * promotes to several stages carries one per stage.
 */
@ExportedBean(defaultVisibility = 2)
public final class PromotionAction extends BuildAction implements BuildBadgeAction {
    private final String stage;
    private final String kind;
    private final String source;
    private final String repository;
    private final List<String> tags;
    private final String digest;
    private final String name;
    private final String version;
    private final String recordDigest;
    private final String promotedBy;
    private final String promotedAt;
    private final String buildUrl;
    private final String gateOutcome;
    private final boolean forced;
    private final boolean unchanged;

    @SuppressWarnings("unchecked")
    PromotionAction(ModelKitSummary summary) {
        Map<String, Object> details = summary.details();
        Map<String, Object> record = (Map<String, Object>) details.get("record");
        this.stage = (String) record.get("stage");
        this.kind = (String) record.get("kind");
        this.source = (String) record.get("source");
        this.repository = (String) record.get("target");
        // a plain list: build.xml is written by XStream
        this.tags = new ArrayList<>((List<String>) record.get("tags"));
        this.digest = (String) record.get("digest");
        this.name = (String) summary.kitPackage().get("name");
        this.version = (String) summary.kitPackage().get("version");
        this.recordDigest = (String) details.get("recordDigest");
        this.promotedBy = (String) record.get("promotedBy");
        this.promotedAt = (String) record.get("promotedAt");
        // only an http(s) URL becomes a link on the build and the releases pages
        this.buildUrl = WebLink.httpOrNull((String) record.get("buildUrl"));
        this.gateOutcome = (String) record.get("gateOutcome");
        this.forced = Boolean.TRUE.equals(record.get("forced"));
        this.unchanged = "UNCHANGED".equals(details.get("outcome"));
    }

    /** Records a promotion the summary reports (outcome {@code PROMOTED} or {@code UNCHANGED}) on the build. */
    public static PromotionAction record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        synchronized (run) {
            PromotionAction action = new PromotionAction(summary);
            run.addAction(action);
            run.save();
            return action;
        }
    }

    /** Shown in the build's summary and history only. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.PromotionAction_DisplayName(getLabel(), stage);
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Exported
    public String getStage() {
        return stage;
    }

    /** {@code promotion} or {@code rollback}. */
    @Exported
    public String getKind() {
        return kind;
    }

    /** The reference promoted from, pinned to its digest. */
    @Exported
    public String getSource() {
        return source;
    }

    /** The stage's repository, {@code host/repo}. */
    @Exported
    public String getRepository() {
        return repository;
    }

    /** Every tag the promotion pointed at the digest: the version tag, the stage's own tag, its extra tags. */
    @Exported
    public List<String> getTags() {
        return Collections.unmodifiableList(tags);
    }

    @Exported
    public String getDigest() {
        return digest;
    }

    /** The Kitfile's package name, or null. */
    @Exported
    public String getName() {
        return name;
    }

    /** The Kitfile's package version, or null. */
    @Exported
    public String getVersion() {
        return version;
    }

    /** The promotion record's manifest digest, or null when an earlier run had written the record. */
    @Exported
    public String getRecordDigest() {
        return recordDigest;
    }

    @Exported
    public String getPromotedBy() {
        return promotedBy;
    }

    /** When, as RFC 3339 UTC to the second. */
    @Exported
    public String getPromotedAt() {
        return promotedAt;
    }

    /** The build that promoted, as the record names it; null when Jenkins' URL was not known. */
    @Exported
    public String getBuildUrl() {
        return buildUrl;
    }

    /** {@code PASS} or {@code WARN}, or null when the stage has no gate. */
    @Exported
    public String getGateOutcome() {
        return gateOutcome;
    }

    /** Whether the version tag was moved from another digest. */
    @Exported
    public boolean isForced() {
        return forced;
    }

    /** Whether the stage already held the digest under every tag, so nothing moved. */
    @Exported
    public boolean isUnchanged() {
        return unchanged;
    }

    /** {@code name version}, or the repository when the Kitfile names neither. */
    public String getLabel() {
        if (name == null && version == null) {
            return repository;
        }
        return name == null ? version : version == null ? name : name + " " + version;
    }

    /** The history badge's tooltip: stage, ModelKit, digest, who and the gate. */
    public String getTooltip() {
        return Messages.PromotionAction_Tooltip(stage, getLabel(), digest, promotedBy,
                gateOutcome == null ? Messages.PromotionAction_NoGate() : gateOutcome);
    }
}
