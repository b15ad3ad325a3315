package io.jenkins.plugins.modelkit.releases;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.UnprotectedRootAction;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.PermissionGroup;
import io.modelkit.core.dashboard.Badge;
import io.modelkit.core.dashboard.StageEntry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.WebMethod;

/**
 * SVG status badges, {@code /modelkit-badge/icon.svg?job=JOB&modelkit=NAME&stage=STAGE}: {@code prod |
 * fraud-detector 1.4.0}, coloured by the stage's gate outcome, {@code none} while the stage holds
 * nothing. As embeddable-build-status does, the job is looked up as SYSTEM and then the caller needs
 * {@link ReleasePermissions#VIEW_STATUS} on it, which an administrator may grant to anonymous users
 * for badges in READMEs without letting them read the job; an unknown job and a forbidden one both
 * answer 404, so that badges do not reveal which jobs exist.
 */
@Extension
public final class ReleaseBadgeAction implements UnprotectedRootAction {
    static final String URL_NAME = "modelkit-badge";
    /** Jenkins makes this extension at startup: loading the permissions with it registers them for the security settings. */
    static final PermissionGroup PERMISSIONS = ReleasePermissions.GROUP;

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleaseBadgeAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @WebMethod(name = "icon.svg")
    public HttpResponse doIconSvg(@QueryParameter String job, @QueryParameter String modelkit, @QueryParameter String stage)
            throws IOException {
        if (job == null || modelkit == null || stage == null || !viewable(job)) {
            return SvgResponse.NOT_FOUND;
        }
        return new SvgResponse(badge(ReleaseIndex.get(), job, modelkit, stage).svg());
    }

    /** Whether the job exists and the caller may see its status; looked up as SYSTEM, then checked. */
    static boolean viewable(String fullName) {
        Job<?, ?> found;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            found = Jenkins.get().getItemByFullName(fullName, Job.class);
        }
        return found != null && found.hasPermission(ReleasePermissions.VIEW_STATUS);
    }

    /** The badge of what {@code stage} holds of {@code modelKit} as promoted by {@code job}. */
    static Badge badge(ReleaseIndex index, String job, String modelKit, String stage) throws IOException {
        ReleaseView view = ReleaseView.of(index.stages(), index.promotions(), job::equals, Instant.now());
        StageEntry entry = view.entry(modelKit, stage).orElseGet(() -> StageEntry.empty(stage, "", stage));
        return Badge.of(modelKit, entry);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
