// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Run.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Stub: build number 1 unless {@link #number} is set; the start time is when the object was made;
 * {@code getRootDir()} is a directory under java.io.tmpdir;
 * {@code save()} does nothing. Upstream also implements PersistenceRoot, DescriptorByNameOwner, OnMaster,
 * StaplerProxy, HistoricalBuild and WithConsoleUrl.
 */
@ExportedBean
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled {

    protected final transient @NonNull JobT project;
    public transient int number = 1;
    private volatile Result result;
    private final long startTime = System.currentTimeMillis();

    protected Run(@NonNull JobT job) throws IOException {
        this.project = job;
    }

    @Override
    public void addAction(@NonNull Action a) {
        super.addAction(a);
        if (a instanceof RunAction2 ra) {
            ra.onAttached(this);
        }
    }

    @Exported
    public @CheckForNull Result getResult() {
        return result;
    }

    /** As upstream, only makes the result worse. */
    public void setResult(@NonNull Result r) {
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }

    /** Stub: when this object was made (upstream: when the build started running, else when it was scheduled). */
    public final long getStartTimeInMillis() {
        return startTime;
    }

    public @NonNull List<Cause> getCauses() {
        CauseAction a = getAction(CauseAction.class);
        return a == null ? Collections.emptyList() : Collections.unmodifiableList(a.getCauses());
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        for (Cause c : getCauses()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    public @NonNull JobT getParent() {
        return project;
    }

    @Exported
    public String getFullDisplayName() {
        return project.getFullDisplayName() + ' ' + getDisplayName();
    }

    @Override
    @Exported
    public String getDisplayName() {
        return "#" + number;
    }

    @Exported
    public int getNumber() {
        return number;
    }

    public @NonNull String getUrl() {
        return project.getUrl() + getNumber() + '/';
    }

    public @NonNull String getId() {
        return Integer.toString(number);
    }

    public @NonNull File getRootDir() {
        return new File(project.getRootDir(), "builds/" + getId());
    }

    public synchronized void save() throws IOException {
    }

    public @NonNull String getExternalizableId() {
        return project.getFullName() + "#" + getNumber();
    }

    @Override
    public ACL getACL() {
        return project.getACL();
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        return Integer.compare(this.number, that.number);
    }
}
