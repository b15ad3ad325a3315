// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/CauseAction.java).
package hudson.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** Stub: a list of causes. Upstream also implements FoldableAction and counts repeated causes. */
@ExportedBean
public class CauseAction implements RunAction2 {
    private final List<Cause> causes = new ArrayList<>();

    public CauseAction(Cause c) {
        causes.add(c);
    }

    public CauseAction(Cause... c) {
        this(Arrays.asList(c));
    }

    public CauseAction(Collection<? extends Cause> causes) {
        this.causes.addAll(causes);
    }

    @Exported(visibility = 2)
    public List<Cause> getCauses() {
        return Collections.unmodifiableList(causes);
    }

    @Override
    public String getDisplayName() {
        return "Cause";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return "cause";
    }

    @Override
    public void onLoad(Run<?, ?> owner) {
    }

    @Override
    public void onAttached(Run<?, ?> owner) {
    }
}
