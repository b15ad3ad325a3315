package io.jenkins.plugins.modelkit.releases;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.RootAction;
import java.io.IOException;
import java.time.Instant;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.access.AccessDeniedException;

/**
 * The "ModelKit releases" page at {@code /modelkit-releases}: each ModelKit across the stages and
 * the timeline of promotions, from the release index, showing only jobs the user may read
 * (the page itself needs Overall/Read, as every root action). {@code /modelkit-releases/api/json}
 * serves the same.
 */
@Extension
@ExportedBean(defaultVisibility = 2)
public final class ReleasesAction implements RootAction {
    static final String URL_NAME = "modelkit-releases";

    @Override
    public String getIconFileName() {
        return "symbol-modelkit plugin-modelkit-pipeline";
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleasesAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The releases of the jobs the current user may read. */
    @Exported(inline = true)
    public ReleaseView getReleases() throws IOException {
        ReleaseIndex index = ReleaseIndex.get();
        return ReleaseView.of(index.stages(), index.promotions(), ReleasesAction::readable, Instant.now());
    }

    public Api getApi() {
        return new Api(this);
    }

    /** Whether the current user may read the job; a job deleted since it promoted is not shown. */
    static boolean readable(String fullName) {
        try {
            Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
            return job != null && job.hasPermission(Item.READ);
        } catch (AccessDeniedException e) {
            return false; // the user may discover the job but not read it
        }
    }
}
