// Declarations match org.jenkins-ci.main:remoting 3355.v388858a_47b_33 (src/main/java/org/jenkinsci/remoting/Role.java).
package org.jenkinsci.remoting;

import java.util.Collection;
import java.util.Set;

public final class Role {
    public static final Role UNKNOWN = new Role("unknown");
    public static final Collection<Role> UNKNOWN_SET = Set.of(UNKNOWN);

    private final String name;

    public Role(String name) {
        this.name = name;
    }

    public Role(Class<?> name) {
        this(name.getName());
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return super.toString() + "[" + name + "]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Role other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
