// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Actionable.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Stub: actions live in a list; no TransientActionFactory contributions.
 * Upstream also implements {@code ModelObjectWithContextMenu}; not declared.
 */
@ExportedBean
public abstract class Actionable extends AbstractModelObject {
    private volatile CopyOnWriteArrayList<Action> actions;

    @Deprecated
    @NonNull
    public List<Action> getActions() {
        if (actions == null) {
            synchronized (this) {
                if (actions == null) {
                    actions = new CopyOnWriteArrayList<>();
                }
            }
        }
        return actions;
    }

    @NonNull
    public final List<? extends Action> getAllActions() {
        return Collections.unmodifiableList(new ArrayList<>(getActions()));
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Action a : getActions()) {
            if (type.isInstance(a)) {
                found.add(type.cast(a));
            }
        }
        return Collections.unmodifiableList(found);
    }

    public void addAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        getActions().add(a);
    }

    public void replaceAction(@NonNull Action a) {
        addOrReplaceAction(a);
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        List<Action> current = getActions();
        boolean present = false;
        List<Action> stale = new ArrayList<>();
        for (Action existing : current) {
            if (!present && existing.equals(a)) {
                present = true;
            } else if (existing.getClass() == a.getClass()) {
                stale.add(existing);
            }
        }
        current.removeAll(stale);
        if (!present) {
            addAction(a);
        }
        return !present || !stale.isEmpty();
    }

    public boolean removeAction(@Nullable Action a) {
        return a != null && getActions().removeIf(x -> x.equals(a));
    }

    public boolean removeActions(@NonNull Class<? extends Action> clazz) {
        if (clazz == null) {
            throw new IllegalArgumentException("Action type must be non-null");
        }
        return getActions().removeIf(clazz::isInstance);
    }

    public boolean replaceActions(@NonNull Class<? extends Action> clazz, @NonNull Action a) {
        boolean removed = getActions().removeIf(x -> clazz.isInstance(x) && !x.equals(a));
        boolean present = getActions().contains(a);
        if (!present) {
            addAction(a);
        }
        return removed || !present;
    }

    public <T extends Action> T getAction(Class<T> type) {
        for (Action a : getActions()) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
