// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/ExtensionList.java).
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.Jenkins;

/**
 * Stub: one static in-memory registry shared by all lists (no SezPoz discovery, no ordinals).
 * {@code lookup(X.class)} is a live view of the registered objects that are instances of X;
 * {@code lookup(X.class).add(x)} registers x, {@code remove}/{@code clear} unregister.
 */
public class ExtensionList<T> extends AbstractList<T> {
    private static final List<Object> REGISTRY = new CopyOnWriteArrayList<>();

    public final @CheckForNull Jenkins jenkins;
    public final Class<T> extensionType;

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        this.jenkins = jenkins;
        this.extensionType = extensionType;
    }

    private List<T> snapshot() {
        List<T> r = new ArrayList<>();
        for (Object o : REGISTRY) {
            if (extensionType.isInstance(o)) {
                r.add(extensionType.cast(o));
            }
        }
        return r;
    }

    public @CheckForNull <U extends T> U get(@NonNull Class<U> type) {
        for (T t : snapshot()) {
            if (t.getClass() == type) {
                return type.cast(t);
            }
        }
        return null;
    }

    public @NonNull <U extends T> U getInstance(@NonNull Class<U> type) throws IllegalStateException {
        U u = get(type);
        if (u == null) {
            throw new IllegalStateException("The class " + type.getName() + " was not found, potentially not yet loaded");
        }
        return u;
    }

    @Override
    public T get(int index) {
        return snapshot().get(index);
    }

    @Override
    public int size() {
        return snapshot().size();
    }

    @Override
    public boolean add(T t) {
        REGISTRY.add(extensionType.cast(t));
        return true;
    }

    @Override
    public void add(int index, T element) {
        add(element);
    }

    @Override
    public boolean remove(Object o) {
        return REGISTRY.remove(o);
    }

    @Override
    public final synchronized T remove(int index) {
        T t = get(index);
        REGISTRY.remove(t);
        return t;
    }

    public static <T> ExtensionList<T> create(Jenkins jenkins, Class<T> type) {
        return new ExtensionList<>(jenkins, type);
    }

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        return new ExtensionList<>(Jenkins.getInstanceOrNull(), type);
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        ExtensionList<U> all = lookup(type);
        int n = all.size();
        if (n != 1) {
            throw new IllegalStateException("Expected 1 instance of " + type.getName() + " but got " + n);
        }
        return all.get(0);
    }

    public static @NonNull <U> U lookupFirst(Class<U> type) {
        ExtensionList<U> all = lookup(type);
        if (all.isEmpty()) {
            throw new IllegalStateException("Found no instances of " + type.getName() + " registered");
        }
        return all.get(0);
    }
}
