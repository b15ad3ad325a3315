// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Descriptor.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import jenkins.model.Loadable;

/**
 * Stub: {@code load()} and {@code save()} do nothing. Upstream also implements OnMaster and has the
 * form-binding members ({@code newInstance}, {@code configure}, help files); not declared.
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable {
    public final transient Class<? extends T> clazz;

    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz == self() ? (Class<? extends T>) getClass() : clazz;
    }

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        Class<?> outer = getClass().getEnclosingClass();
        if (outer == null) {
            throw new AssertionError(getClass() + " has no outer class; pass the described class to the constructor");
        }
        this.clazz = (Class<? extends T>) outer;
    }

    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    public String getId() {
        return clazz.getName();
    }

    @SuppressWarnings("unchecked")
    public Class<T> getT() {
        for (Class<?> c = getClass(); c != null; c = c.getSuperclass()) {
            Type t = c.getGenericSuperclass();
            if (t instanceof ParameterizedType pt && pt.getRawType() == Descriptor.class) {
                Type arg = pt.getActualTypeArguments()[0];
                if (arg instanceof Class<?> k) {
                    return (Class<T>) k;
                }
                if (arg instanceof ParameterizedType apt) {
                    return (Class<T>) apt.getRawType();
                }
            }
        }
        throw new IllegalStateException(getClass() + " doesn't extend Descriptor with a type parameter.");
    }

    @Override
    public synchronized void save() {
    }

    @Override
    public synchronized void load() {
    }

    protected static Class self() {
        return Self.class;
    }

    private static final class Self {
    }

    /** Upstream also implements Stapler's HttpResponse; not declared. */
    public static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            this.formField = formField;
        }

        public String getFormField() {
            return formField;
        }
    }
}
