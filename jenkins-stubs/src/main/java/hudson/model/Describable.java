// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Describable.java).
package hudson.model;

import jenkins.model.Jenkins;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(getClass());
    }
}
