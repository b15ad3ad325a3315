package io.jenkins.plugins.modelkit.releases;

import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Job;
import java.io.IOException;
import java.time.Instant;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * On a job's page: what the ModelKits this job promoted look like across the stages (a table in the
 * job's main panel), with the badge URLs; {@code /job/NAME/modelkit-releases/api/json} serves it.
 */
@ExportedBean(defaultVisibility = 2)
public final class JobReleasesAction implements Action {
    private final Job<?, ?> job;

    JobReleasesAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** No link in the side panel: the table shows on the job's page. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.JobReleasesAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return ReleasesAction.URL_NAME;
    }

    /** This job's ModelKits; the job page already required Item/Read. */
    @Exported(inline = true)
    public ReleaseView getReleases() throws IOException {
        ReleaseIndex index = ReleaseIndex.get();
        String name = job.getFullName();
        return ReleaseView.of(index.stages(), index.promotions(), name::equals, Instant.now());
    }

    /** The query of this job's badge of {@code modelKit} in {@code stage}, relative to Jenkins' root. */
    public String badgeUrl(String modelKit, String stage) {
        return ReleaseBadgeAction.URL_NAME + "/icon.svg?job=" + ReleaseBadgeAction.encode(job.getFullName())
                + "&modelkit=" + ReleaseBadgeAction.encode(modelKit) + "&stage=" + ReleaseBadgeAction.encode(stage);
    }

    public Api getApi() {
        return new Api(this);
    }
}
