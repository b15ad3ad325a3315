// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/Api.java).
package hudson.model;

/** Stub: holds the bean; upstream serves it as XML/JSON/Python through Stapler. */
public class Api extends AbstractModelObject {
    public final Object bean;

    public Api(Object bean) {
        this.bean = bean;
    }

    @Override
    public String getDisplayName() {
        return "API";
    }
}
